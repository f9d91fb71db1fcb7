/**
 * npm run schema:generate   write schema/schema.graphql from the running code
 * npm run schema:check      fail when the committed file differs from the code
 * The SDL is read from the real app (so it is exactly what clients get), booted on a scratch
 * database: DATABASE_URL's server when set, else an embedded one in a temporary folder.
 */
import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { loadConfig, removeDataFolder } from '@accord/common';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { randomBytes } from 'node:crypto';
import { startApi } from '../apps/api/src/bootstrap';
import { serverForTools, withAdminClient } from './database-for-tools';

const SCHEMA_FILE = join(__dirname, '..', 'schema', 'schema.graphql');
const HEADER =
  '# Generated from the code by `npm run schema:generate`; do not edit. CI fails when it is stale.\n\n';

async function currentSchema(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-schema-'));
  process.env.DATA_DIR = dataDir;
  const server = await serverForTools();
  const database = `accord_schema_${randomBytes(4).toString('hex')}`;
  try {
    await server.createDatabase(database);
    const config = {
      ...loadConfig({
        ...process.env,
        JWT_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: server.urlFor(database),
      }),
      seedDemo: false,
      admin: null,
      logLevel: 'error' as const,
    };
    const api = await startApi(config, { listen: false });
    try {
      return (
        HEADER + printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema)) + '\n'
      );
    } finally {
      await api.stop();
    }
  } finally {
    await withAdminClient(server.adminUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    );
    await server.stop();
    removeDataFolder(dataDir);
  }
}

async function main(): Promise<void> {
  const schema = await currentSchema();
  if (process.argv.includes('--check')) {
    const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== schema) {
      console.error('schema/schema.graphql is stale: run npm run schema:generate and commit it.');
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date.');
    return;
  }
  writeFileSync(SCHEMA_FILE, schema);
  console.log(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
