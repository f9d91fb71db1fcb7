import { join } from 'node:path';
import { TypeOrmNestLogger } from '@accord/common';
import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/** Options shared by the app and the migration tools; the URL is the only thing that varies. */
export function dataSourceOptions(url: string): DataSourceOptions & { url: string } {
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
  };
}
