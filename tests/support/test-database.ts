import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { requireTestDatabaseName, urlWithDatabase } from './test-server';

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.ACCORD_TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, copied from the suite's template. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = process.env.ACCORD_TEST_TEMPLATE;
  if (!template || !process.env.ACCORD_TEST_ADMIN_URL)
    throw new Error('Run the tests through jest (global setup missing)');
  const name = `accord_test_${randomBytes(6).toString('hex')}`;
  const owner = process.env.ACCORD_TEST_DB_OWNER;
  await withAdmin((c) =>
    c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"${owner ? ` OWNER "${owner}"` : ''}`),
  );
  // The app's role (not a superuser on the embedded server), as in a real start.
  const url = urlWithDatabase(
    process.env.ACCORD_TEST_APP_URL || process.env.ACCORD_TEST_ADMIN_URL,
    name,
  );
  requireTestDatabaseName(url);
  return {
    url,
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
