import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  APP_ROLE,
  requireTestDatabaseName,
  startEmbeddedTestServer,
  urlWithDatabase,
} from './test-server';

declare global {
  var __ACCORD_EMBEDDED__: { stop(): Promise<void> } | undefined;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Migrations run once, into a template database; each test file then copies it
 * (CREATE DATABASE … TEMPLATE …), so files run in parallel and in any order.
 * The migration runs in a child process: loading the app's modules here would leak them
 * into tests that jest runs in this same process.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  // The app's role: on the embedded server, not the superuser that creates the databases.
  let appUrl = adminUrl;
  let owner = '';
  if (adminUrl) {
    requireTestDatabaseName(adminUrl);
  } else {
    const server = await startEmbeddedTestServer();
    globalThis.__ACCORD_EMBEDDED__ = server;
    await server.ensureDatabase('accord_test');
    adminUrl = server.superuserUrl('accord_test');
    appUrl = server.url('accord_test');
    owner = APP_ROLE;
  }
  const template = `accord_test_template_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"${owner ? ` OWNER "${owner}"` : ''}`);
  await admin.end();

  execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'tools/migrate.ts',
      'run',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: urlWithDatabase(appUrl!, template) },
      stdio: 'pipe',
    },
  );

  process.env.ACCORD_TEST_ADMIN_URL = adminUrl;
  process.env.ACCORD_TEST_APP_URL = appUrl;
  process.env.ACCORD_TEST_DB_OWNER = owner;
  process.env.ACCORD_TEST_TEMPLATE = template;
}
