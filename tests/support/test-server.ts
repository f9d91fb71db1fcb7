// Imported by path, not through @accord/common: global setup must not load Nest or GraphQL.
import { APP_ROLE, EmbeddedDatabase } from '../../libs/common/src/database/embedded-database';
import { join } from 'node:path';

/** Where the suite's databases live: DATABASE_URL's server when set, else an embedded one. */
export { APP_ROLE };
// For the startup tests, which make clusters the way older code did.
export { binary, packagedPostgres } from '../../libs/common/src/database/postgres-binaries';
export { clusterLayout } from '../../libs/common/src/database/embedded-layout';
export { runningAsRoot, serverAccount } from '../../libs/common/src/database/server-account';

export const TEST_DATA_DIR = join(__dirname, '..', '..', '.data', 'test');

export function requireTestDatabaseName(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) {
    throw new Error(
      `Refusing to run tests against database "${name}": its name must contain "test"`,
    );
  }
}

export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function startEmbeddedTestServer(): Promise<EmbeddedDatabase> {
  // fsync off: the suite's clusters are throwaway (never a user's data).
  const server = new EmbeddedDatabase(TEST_DATA_DIR, { fsync: false });
  return server.start().then(() => server);
}
