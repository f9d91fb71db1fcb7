import { join } from 'node:path';
import { DatabaseTimeouts, pgTimeouts, TypeOrmNestLogger } from '@accord/common';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/**
 * Options shared by the app and the migration tools; the URL is the only thing that varies.
 * `timeouts` (the app's DB_STATEMENT_TIMEOUT and DB_CONNECT_TIMEOUT) bound every statement
 * and every connection attempt of the pool; the tools run without them.
 */
export function dataSourceOptions(
  url: string,
  timeouts?: DatabaseTimeouts,
): DataSourceOptions & { url: string } {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto',
    poolSize: 20,
    logger: new TypeOrmNestLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1000,
    ...(timeouts ? { extra: pgTimeouts(timeouts) } : {}),
  };
}
