import { EmbeddedDatabase } from '@accord/common';
import { resolve } from 'node:path';
import { Client } from 'pg';

/**
 * A server for the tools: DATABASE_URL's, or the embedded one in DATA_DIR. `adminUrl` may
 * create and drop databases; `urlFor` is the app's connection (on the embedded server, its
 * non-superuser role); `createDatabase` makes one the app's role owns. `stop` undoes what was
 * started.
 */
export async function serverForTools(): Promise<{
  adminUrl: string;
  urlFor(db: string): string;
  createDatabase(db: string): Promise<void>;
  stop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const urlFor = (db: string) => {
      const u = new URL(url);
      u.pathname = `/${db}`;
      return u.toString();
    };
    const createDatabase = (db: string) =>
      withAdminClient(url, async (c) => {
        const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
        if (!found.rowCount) await c.query(`CREATE DATABASE ${c.escapeIdentifier(db)}`);
      });
    return { adminUrl: url, urlFor, createDatabase, stop: () => Promise.resolve() };
  }
  const embedded = new EmbeddedDatabase(resolve(process.env.DATA_DIR || './.data'));
  // A running API serves the embedded database: use its server rather than refuse.
  if (!embedded.attachToRunning()) await embedded.start();
  return {
    adminUrl: embedded.superuserUrl('postgres'),
    urlFor: (db) => embedded.url(db),
    createDatabase: (db) => embedded.ensureDatabase(db),
    stop: () => embedded.stop(),
  };
}

export async function withAdminClient<T>(
  adminUrl: string,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
