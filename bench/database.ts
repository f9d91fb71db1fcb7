/**
 * One PostgreSQL for the three servers: a dedicated embedded cluster (the default, like the
 * app's) with pg_stat_statements preloaded, or a new database on the DATABASE_URL server.
 * Accord's migrations create the schema; the bench connects as a superuser only to create the
 * database and read statistics.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedDatabase, removeDataFolder } from '@accord/common';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';

const DATABASE = 'accord_bench';

export interface BenchDatabase {
  /** What the servers connect with (the app role on the embedded cluster). */
  appUrl: string;
  /** For the bench's own statistics reads. */
  adminUrl: string;
  /** PostgreSQL's version and where it runs, for the report. */
  description: string;
  stop(): Promise<void>;
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function embedded(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const db = new EmbeddedDatabase(dir);
  await db.start();
  // shared_preload_libraries takes effect only at start: set it, then restart.
  await withClient(db.superuserUrl('postgres'), (c) =>
    c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`),
  );
  await db.stop();
  await db.start();
  await db.ensureDatabase(DATABASE);
  await withClient(db.superuserUrl(DATABASE), (c) =>
    c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'),
  );
  return {
    appUrl: db.url(DATABASE),
    adminUrl: db.superuserUrl(DATABASE),
    description: 'embedded PostgreSQL (a cluster started for the bench)',
    stop: async () => {
      await db.stop();
      removeDataFolder(dir);
    },
  };
}

/** A new database on the given server, dropped at the end; statistics only if it preloads pg_stat_statements. */
async function onServer(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${Date.now()}_${process.pid}`;
  const urlFor = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = urlFor(name);
  await withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT current_setting('shared_preload_libraries') AS libs`);
    if (String(rows[0].libs).includes('pg_stat_statements'))
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  });
  return {
    appUrl: url,
    adminUrl: url,
    description: `database ${name} on the DATABASE_URL server`,
    stop: () =>
      withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

export async function startDatabase(serverUrl: string): Promise<BenchDatabase> {
  const db = serverUrl ? await onServer(serverUrl) : await embedded();
  try {
    const source = new DataSource({
      ...dataSourceOptions(db.appUrl),
      logger: 'advanced-console',
      logging: ['error'],
    });
    await source.initialize();
    try {
      await source.runMigrations({ transaction: 'each' });
    } finally {
      await source.destroy();
    }
    const version = await withClient(db.adminUrl, (c) => c.query('SHOW server_version'));
    db.description = `PostgreSQL ${version.rows[0].server_version}, ${db.description}`;
    return db;
  } catch (error) {
    await db.stop();
    throw error;
  }
}
