import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@accord/common';
import { Client } from 'pg';
import { appDatabaseForTools } from '../../../tools/app-database-for-tools';
import { CliModule } from './cli.module';

/** Who the audit trail names for a task of this CLI (the actor is the system, as for ADMIN_EMAIL). */
export const VIA_CLI = 'cli';

/**
 * Runs `task` in a Nest application context on the app's database (DATABASE_URL, or the
 * embedded one in DATA_DIR: a running API's server, or one started for the task), then closes
 * the context and stops what it started.
 */
export async function withApp<T>(
  task: (app: INestApplicationContext, config: AppConfig) => Promise<T>,
  overrides: Partial<AppConfig> = {},
): Promise<T> {
  const config = { ...loadConfig(), ...overrides };
  const database = await appDatabaseForTools({ create: true });
  let app: INestApplicationContext | undefined;
  try {
    await reachable(database.url, config.dbConnectTimeoutMs);
    // Nest's own logger is off: its failures would print stacks; errors reach main as messages.
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config, database.url), {
      logger: false,
      abortOnError: false,
    });
    return await task(app, config);
  } finally {
    await app?.close();
    await database.stop();
  }
}

/** One connection first, so that an unreachable database is one clear line, not retries. */
async function reachable(url: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    throw new Error(
      `Cannot reach the database ${pathname.slice(1)} at ${hostname}:${port || 5432}: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
