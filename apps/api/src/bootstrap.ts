import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, createValidationPipe, EmbeddedDatabase } from '@accord/common';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { MAX_REQUEST_BYTES } from './graphql/request-size';
import { DemoLogin, SeedService } from './seed/seed.service';

const EMBEDDED_DATABASE_NAME = 'accord';
/** The same limit as a graphql-ws message's (see request-size.ts). */
const BODY_LIMIT = MAX_REQUEST_BYTES;

export interface RunningApi {
  app: INestApplication;
  url: string;
  demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

function logLevels(level: AppConfig['logLevel']): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  return order.slice(0, order.indexOf(level) + 1);
}

/** Configures a created Nest app the way production runs it (also used by the e2e tests). */
export function configureApp(app: NestExpressApplication): void {
  app.useGlobalPipes(createValidationPipe());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
}

/**
 * Starts the database (the embedded one unless DATABASE_URL is set), the API on it, runs the
 * migrations and the seeds; `stop` closes the API and then the embedded database.
 */
export async function startApi(
  config: AppConfig,
  options: { listen?: boolean } = {},
): Promise<RunningApi> {
  Logger.overrideLogger(logLevels(config.logLevel));
  const logger = new Logger('Accord');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = new EmbeddedDatabase(config.dataDir, (message) => logger.debug(message));
    await embedded.start();
    await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
    databaseUrl = embedded.url(EMBEDDED_DATABASE_NAME);
    logger.log(`Embedded PostgreSQL started, data in ${join(config.dataDir, 'pg')}`);
  }
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, databaseUrl),
      {
        logger: logLevels(config.logLevel),
        bodyParser: false,
      },
    );
    configureApp(app);
    await app.init();
    const demoLogins = await app.get(SeedService).run();
    if (options.listen !== false) await app.listen(config.port);
    return {
      app,
      url: `http://localhost:${config.port}/graphql`,
      demoLogins,
      stop: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
