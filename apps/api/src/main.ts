import 'reflect-metadata';
// Only the configuration and the embedded database here, not the library's index (it loads the
// whole GraphQL stack): the app's modules load while PostgreSQL initialises, not before.
// eslint-disable-next-line no-restricted-imports
import { ConfigError, loadConfig } from '../../../libs/common/src/config/app-config';
// eslint-disable-next-line no-restricted-imports
import { EmbeddedDatabase } from '../../../libs/common/src/database/embedded-database';
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
  // initdb and the server start run in child processes: start them, then load the app meanwhile.
  let embedded: { database: EmbeddedDatabase; started: Promise<void> } | undefined;
  if (!config.databaseUrl) {
    const database = new EmbeddedDatabase(config.dataDir, {
      // PostgreSQL's own output, debug level: through Nest's logger, loaded with the app.
      log: (message) =>
        void import('@nestjs/common').then(({ Logger }) => new Logger('Accord').debug(message)),
    });
    const started = database.start();
    started.catch(() => undefined); // awaited by startApi
    embedded = { database, started };
    // Everything up to spawning initdb (or the server) is synchronous or a microtask.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { startApi } = await import('./bootstrap');
  const api = await startApi(config, { embedded });
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
