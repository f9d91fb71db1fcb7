import 'reflect-metadata';
import { ConfigError, loadConfig } from '@accord/common';
import { startApi } from './bootstrap';
import { readEnvironment } from './config/read-environment';

async function main(): Promise<void> {
  let config;
  try {
    await readEnvironment();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const api = await startApi(config);
  const log = api.logger;
  log.info(`Accord API ready at ${api.url}  (health: ${api.url.replace(/graphql$/, 'health')})`);
  if (config.ide)
    log.info(
      `GraphQL IDE: open ${api.url} in a browser (each role's first tab signs in; IDE=false turns it off)`,
    );
  if (api.demoLogins.length && config.logFormat === 'pretty') {
    // For the person at the terminal; JSON logs (collected, kept) never hold a password.
    console.log('\nDemo logins (SEED_DEMO):');
    for (const login of api.demoLogins)
      console.log(
        `  ${login.role.padEnd(40)} ${login.email}  /  ${login.password}` +
          (login.totpSecret ? `  (second factor on: TOTP secret ${login.totpSecret})` : ''),
      );
  } else if (api.demoLogins.length) {
    log.info(
      { demoAccounts: api.demoLogins.map(({ role, email }) => ({ role, email })) },
      'Demo accounts seeded (SEED_DEMO); their passwords are the published demo ones (README)',
    );
  }
  let stopping = false;
  // Requests in flight finish (up to SHUTDOWN_GRACE), then WebSockets and the database close.
  const stop = (signal: string) => {
    if (stopping) {
      log.info(`${signal}: already stopping (up to ${config.shutdownGraceMs / 1000} s)`);
      return;
    }
    stopping = true;
    log.info(`${signal}: stopping`);
    api.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.fatal({ err: error instanceof Error ? error.stack : String(error) }, 'stop failed');
        process.exit(1);
      },
    );
  };
  // SIGHUP too: a closed terminal must not leave the database running until the next start.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => stop(signal));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
