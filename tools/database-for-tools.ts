import { EmbeddedDatabase } from '@accord/common';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** A server for the tools: DATABASE_URL's, or the embedded one in DATA_DIR. `stop` undoes what was started. */
export async function serverForTools(): Promise<{
  adminUrl: string;
  urlFor(db: string): string;
  stop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const urlFor = (db: string) => {
      const u = new URL(url);
      u.pathname = `/${db}`;
      return u.toString();
    };
    return { adminUrl: url, urlFor, stop: () => Promise.resolve() };
  }
  const embedded = new EmbeddedDatabase(resolve(process.env.DATA_DIR || './.data'));
  await embedded.start();
  return {
    adminUrl: embedded.url('postgres'),
    urlFor: (db) => embedded.url(db),
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
