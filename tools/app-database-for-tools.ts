import { serverForTools, withAdminClient } from './database-for-tools';

/** The name startApi gives the app's database on the embedded server. */
const EMBEDDED_DATABASE_NAME = 'accord';

/**
 * The app's database for backup and restore: DATABASE_URL, or the embedded one in DATA_DIR
 * (started here; created when `create`). The embedded server cannot be shared with a running API.
 */
export async function appDatabaseForTools(options: {
  create: boolean;
}): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  let server: Awaited<ReturnType<typeof serverForTools>>;
  try {
    server = await serverForTools();
  } catch (error) {
    const message = (error as Error).message;
    if (/serving the database/.test(message)) {
      throw new Error(
        `${message}.\nThe Accord API is running on this data folder and holds its embedded database: ` +
          'stop it first (the embedded server serves one process), or run Accord on a PostgreSQL server ' +
          '(DATABASE_URL) to back up while it serves.',
        { cause: error },
      );
    }
    throw error;
  }
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
    throw new Error(
      `There is no Accord database in ${process.env.DATA_DIR || './.data'}: nothing to back up`,
    );
  }
  return { url: server.urlFor(EMBEDDED_DATABASE_NAME), stop: () => server.stop() };
}
