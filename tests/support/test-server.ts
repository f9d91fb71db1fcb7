// Imported by path, not through @accord/common: global setup must not load Nest or GraphQL.
import { EmbeddedDatabase } from '../../libs/common/src/database/embedded-database';
import { join } from 'node:path';

/** Where the suite's databases live: DATABASE_URL's server when set, else an embedded one. */
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
  const server = new EmbeddedDatabase(TEST_DATA_DIR);
  return server.start().then(() => server);
}
