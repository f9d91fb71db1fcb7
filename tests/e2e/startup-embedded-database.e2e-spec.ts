import { ChildProcess, spawn } from 'node:child_process';
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from '@accord/common';
import { runningAsRoot } from '../support/test-server';
import { closedDataFolder, postmasterOf } from '../support/data-folder';

const ROOT = join(__dirname, '..', '..');
const OLD_CONSTANT_PASSWORD = 'accord';

/** null when the login works, else the error's SQLSTATE (28P01: password authentication failed). */
async function loginError(port: number, user: string, password: string): Promise<string | null> {
  const client = new Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the embedded database in another Node process, as `npm start` would, and reports its postmaster. */
function startInChild(dir: string): Promise<{ child: ChildProcess; clusterDir: string }> {
  const code = `
    const { EmbeddedDatabase } = require('./libs/common/src/database/embedded-database');
    const db = new EmbeddedDatabase(${JSON.stringify(dir)});
    db.start().then(() => console.log(JSON.stringify({ clusterDir: db.clusterDir })));
    setInterval(() => undefined, 1000);`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const line = chunk.toString().trim();
      if (line.startsWith('{')) resolve({ child, clusterDir: JSON.parse(line).clusterDir });
    });
    child.on('exit', (status) => reject(new Error(`child exited (${status})`)));
  });
}

describe('the embedded PostgreSQL of a user start', () => {
  const folder = closedDataFolder();
  let db: EmbeddedDatabase;
  let app: Client;

  beforeAll(async () => {
    db = new EmbeddedDatabase(folder.dir);
    await db.start();
    await db.ensureDatabase('accord');
    app = new Client({ connectionString: db.url('accord') });
    await app.connect();
  }, 120_000);
  afterAll(async () => {
    await app?.end();
    await db?.stop();
    folder.remove();
  });

  it('runs with fsync on', async () => {
    const { rows } = await app.query('SHOW fsync');
    expect(rows[0].fsync).toBe('on');
  });

  it('connects the application as a role that is not a superuser and cannot run programs', async () => {
    const { rows } = await app.query(`
      SELECT current_user AS role, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
             pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER') AS programs,
             pg_has_role(current_user, 'pg_read_server_files', 'MEMBER') AS server_files
      FROM pg_roles WHERE rolname = current_user`);
    expect(rows[0]).toEqual({
      role: 'accord_app',
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      programs: false,
      server_files: false,
    });
    await app.query('CREATE TEMP TABLE probe (line text)');
    await expect(app.query(`COPY probe FROM PROGRAM 'id'`)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(app.query(`COPY (SELECT 1) TO PROGRAM 'cat'`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('lets the application own its database, so that migrations can create tables', async () => {
    await app.query('CREATE TABLE owned_probe (id int PRIMARY KEY)');
    await app.query('DROP TABLE owned_probe');
    const { rows } = await app.query(
      `SELECT datdba::regrole::text AS owner FROM pg_database WHERE datname = 'accord'`,
    );
    expect(rows[0].owner).toBe('accord_app');
  });

  it('keeps random passwords in the data folder, readable by its owner only', async () => {
    for (const file of ['postgres-superuser-password', 'postgres-app-password']) {
      const path = join(folder.dir, file);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    }
    const { port } = postmasterOf(db.clusterDir);
    expect(await loginError(port, 'accord', OLD_CONSTANT_PASSWORD)).toBe('28P01');
    expect(await loginError(port, 'accord_app', OLD_CONSTANT_PASSWORD)).toBe('28P01');
    expect(await loginError(port, 'postgres', 'postgres')).toBe('28P01');
  });

  it('asks every connection for a password (SCRAM), local ones included', () => {
    const rules = readFileSync(join(db.clusterDir, 'pg_hba.conf'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.trim().split(/\s+/).pop()).toBe('scram-sha-256');
  });

  (runningAsRoot() ? it : it.skip)(
    'as root, runs the server as the postgres account, with data it can reach outside the 0700 folder',
    () => {
      const { pid } = postmasterOf(db.clusterDir);
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1];
      expect(Number(uid)).not.toBe(0);
      const link = join(folder.dir, 'pg');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(realpathSync(link)).toMatch(/^\/var\/lib\/accord\/data-/);
      expect(statSync(realpathSync(link)).uid).toBe(Number(uid));
    },
  );
  if (!runningAsRoot())
    it.todo('as root, runs the server as the postgres account (skipped: not running as root)');

  it('stops, at the next start, a server orphaned by a kill -9 of the app, which nobody could use meanwhile', async () => {
    await app.end();
    await db.stop();
    const { child, clusterDir } = await startInChild(folder.dir);
    const orphan = postmasterOf(clusterDir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(processAlive(orphan.pid)).toBe(true);
    expect(await loginError(orphan.port, 'accord', OLD_CONSTANT_PASSWORD)).toBe('28P01');
    expect(await loginError(orphan.port, 'accord_app', '')).not.toBeNull();

    db = new EmbeddedDatabase(folder.dir);
    await db.start();
    expect(processAlive(orphan.pid)).toBe(false);
    app = new Client({ connectionString: db.url('accord') });
    await app.connect();
    expect((await app.query('SELECT 1 AS one')).rows[0].one).toBe(1);
  }, 120_000);
});

describe("the test suite's embedded PostgreSQL", () => {
  it('alone runs with fsync off (its clusters are throwaway)', async () => {
    if (process.env.DATABASE_URL) return; // the suite runs on a server it did not start
    const client = new Client({ connectionString: process.env.ACCORD_TEST_ADMIN_URL });
    await client.connect();
    try {
      expect((await client.query('SHOW fsync')).rows[0].fsync).toBe('off');
    } finally {
      await client.end();
    }
  });
});
