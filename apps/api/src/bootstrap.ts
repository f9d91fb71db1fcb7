import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, createValidationPipe, EmbeddedDatabase, isLoopbackHost } from '@accord/common';
import type { Server } from 'node:http';
import type { Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import { RequestTracker } from './graceful-shutdown';
import { GraphqlWsServer } from './graphql/graphql-ws.server';
import { MAX_REQUEST_BYTES } from './graphql/request-size';
import { configureHttp } from './http/configure-http';
import { enterRequestScope } from './logging/request-observer';
import { configureIde } from './ide/configure-ide';
import { NestPinoLogger } from './logging/nest-pino-logger';
import { createRootLogger } from './logging/root-logger';
import { DemoLogin, SeedService } from './seed/seed.service';

const EMBEDDED_DATABASE_NAME = 'accord';
/** The same limit as a graphql-ws message's (see request-size.ts). */
const BODY_LIMIT = MAX_REQUEST_BYTES;

export interface RunningApi {
  app: INestApplication;
  url: string;
  demoLogins: DemoLogin[];
  /** The process's root logger (JSON lines, or pretty text with LOG_FORMAT=pretty). */
  logger: Pino;
  /**
   * Stops accepting connections, lets the requests in flight finish (up to SHUTDOWN_GRACE),
   * closes the app (its WebSockets and database pool), then stops the embedded database.
   */
  stop(): Promise<void>;
}

/** Why the start was refused, for the operator: printed without a stack. */
export class StartRefusedError extends Error {}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Listening beyond loopback with a demo account's published password would open it to anyone. */
async function refuseExposedDemoAccounts(config: AppConfig, seed: SeedService): Promise<void> {
  if (isLoopbackHost(config.host)) return;
  const exposed = await seed.demoAccountsWithPublishedPassword();
  if (!exposed.length) return;
  throw new StartRefusedError(
    `Refusing to listen on HOST=${config.host}: the demo accounts ${exposed.join(', ')} still ` +
      `have the password published with the demo data, so anyone who reaches this server could ` +
      `log in as them. Start with HOST=127.0.0.1, then change those passwords or disable those ` +
      `users (as an admin); or keep HOST=127.0.0.1 to serve this machine only.`,
  );
}

/** Configures a created Nest app the way production runs it (also used by the e2e tests). */
export function configureApp(app: NestExpressApplication): void {
  configureHttp(app);
  configureIde(app);
  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.use(enterRequestScope);
}

/** An embedded database whose start is already under way (see main.ts). */
export interface StartingDatabase {
  database: EmbeddedDatabase;
  started: Promise<void>;
}

/** Starts the embedded database in DATA_DIR; `started` settles once it accepts connections. */
export function startEmbeddedDatabase(config: AppConfig): StartingDatabase {
  const logger = new Logger('Accord');
  const database = new EmbeddedDatabase(config.dataDir, {
    log: (message) => logger.debug(message),
  });
  const started = database.start();
  // Awaited by startApi; until then a failure must not count as unhandled.
  started.catch(() => undefined);
  return { database, started };
}

/**
 * Starts the database (the embedded one unless DATABASE_URL is set, or `options.embedded`, one
 * already starting), the API on it, runs the migrations and the seeds; `stop` closes the API and
 * then the embedded database.
 */
export async function startApi(
  config: AppConfig,
  options: { listen?: boolean; embedded?: StartingDatabase } = {},
): Promise<RunningApi> {
  const rootLogger = createRootLogger(config);
  const nestLogger = new NestPinoLogger(rootLogger);
  // Everything Nest and the libraries log goes through pino from here on.
  Logger.overrideLogger(nestLogger);
  const logger = new Logger('Accord');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const starting = options.embedded ?? startEmbeddedDatabase(config);
    embedded = starting.database;
    try {
      await starting.started;
      await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    databaseUrl = embedded.url(EMBEDDED_DATABASE_NAME);
    logger.log(`Embedded PostgreSQL started, data in ${embedded.clusterDir}`);
  }
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, databaseUrl, rootLogger),
      { logger: nestLogger, bodyParser: false },
    );
    const requests = new RequestTracker(app.getHttpServer() as Server);
    configureApp(app);
    await app.init();
    const seed = app.get(SeedService);
    const demoLogins = await seed.run();
    await refuseExposedDemoAccounts(config, seed);
    if (options.listen !== false) await app.listen(config.port, config.host);
    const running = app;
    return {
      app,
      url: `http://${urlHost(config.host)}:${config.port}/graphql`,
      demoLogins,
      logger: rootLogger,
      stop: async () => {
        // Sockets first: stopping the server to HTTP would otherwise cut them without a close frame.
        await running.get(GraphqlWsServer).closeSockets();
        if (!(await requests.drain(config.shutdownGraceMs))) {
          logger.warn(`${requests.inFlight} requests still running after SHUTDOWN_GRACE: cut`);
          (running.getHttpServer() as Server).closeAllConnections();
        }
        await running.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
