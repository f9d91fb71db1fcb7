import { dataDirLabel, serverForTools, withAdminClient } from './database-for-tools';

/** The name startApi gives the app's database on the embedded server. */
export const EMBEDDED_DATABASE_NAME = 'accord';

/**
 * The app's database for backup, restore and the CLI's tasks: DATABASE_URL, or the embedded
 * one in DATA_DIR (a running API's server, or started here; created when `create`).
 */
export async function appDatabaseForTools(options: { create: boolean }): Promise<{
  url: string;
  runningApi: { postgresPid: number } | null;
  stop(): Promise<void>;
}> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, runningApi: null, stop: async () => {} };
  const server = await serverForTools();
  const exists = await withAdminClient(server.adminUrl, async (admin) => {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DATABASE_NAME,
    ]);
    return Boolean(found.rowCount);
  });
  // Created through the server so that the app's role owns it (and the tables restore makes).
  if (!exists && options.create) await server.createDatabase(EMBEDDED_DATABASE_NAME);
  if (!exists && !options.create) {
    await server.stop();
    throw new Error(`There is no Accord database in ${dataDirLabel()}: nothing to back up`);
  }
  return {
    url: server.urlFor(EMBEDDED_DATABASE_NAME),
    runningApi: server.runningApi,
    stop: () => server.stop(),
  };
}
