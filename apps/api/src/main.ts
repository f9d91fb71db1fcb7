import 'reflect-metadata';
import { ConfigError, loadConfig } from '@accord/common';
import { startApi } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const api = await startApi(config);
  console.log(`\nAccord API ready at ${api.url}  (health: http://localhost:${config.port}/health)`);
  if (api.demoLogins.length) {
    console.log('\nDemo logins (SEED_DEMO):');
    for (const login of api.demoLogins)
      console.log(
        `  ${login.role.padEnd(40)} ${login.email}  /  ${login.password}` +
          (login.totpSecret ? `  (second factor on: TOTP secret ${login.totpSecret})` : ''),
      );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    api.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
