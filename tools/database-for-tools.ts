import { EmbeddedDatabase } from '@accord/common';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** The data folder the tools use when DATABASE_URL is unset, as the operator wrote it. */
export const dataDirLabel = (): string => process.env.DATA_DIR || './.data';

/**
 * A server for the tools: DATABASE_URL's, or the embedded one in DATA_DIR. `adminUrl` may
 * create and drop databases; `urlFor` is the app's connection (on the embedded server, its
 * non-superuser role); `createDatabase` makes one the app's role owns. `stop` undoes what was
 * started. `runningApi`: the embedded server belongs to an Accord API running on DATA_DIR
 * (the tools then use it, and say so on stderr), with its PostgreSQL process id.
 */
export async function serverForTools(): Promise<{
  adminUrl: string;
  urlFor(db: string): string;
  createDatabase(db: string): Promise<void>;
  runningApi: { postgresPid: number } | null;
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
    return {
      adminUrl: url,
      urlFor,
      createDatabase,
      runningApi: null,
      stop: () => Promise.resolve(),
    };
  }
  const embedded = new EmbeddedDatabase(resolve(dataDirLabel()));
  // A running API serves the embedded database: use its server rather than refuse.
  const attached = embedded.attachToRunning();
  if (attached) {
    console.error(
      `The Accord API running on ${dataDirLabel()} holds its embedded PostgreSQL (pid ${embedded.attachedPid}): ` +
        'this task uses that server while the API keeps serving.',
    );
  } else {
    try {
      await embedded.start();
    } catch (error) {
      throw embeddedHeld(error);
    }
  }
  return {
    adminUrl: embedded.superuserUrl('postgres'),
    urlFor: (db) => embedded.url(db),
    createDatabase: (db) => embedded.ensureDatabase(db),
    runningApi: attached ? { postgresPid: embedded.attachedPid! } : null,
    stop: () => embedded.stop(),
  };
}

/** The embedded server is held by a process the tools cannot share it with: say what to do. */
export function embeddedHeld(error: unknown): Error {
  const message = (error as Error).message;
  if (!/serving the database/.test(message)) return error as Error;
  return new Error(
    `${message}.\nThe Accord API (or another task) is running on ${dataDirLabel()} and holds its embedded ` +
      'database: wait for the task to end or stop the API (Ctrl-C or SIGTERM) and run this again, ' +
      'or set DATA_DIR to another data folder, or run Accord on a PostgreSQL server (DATABASE_URL).',
    { cause: error },
  );
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
