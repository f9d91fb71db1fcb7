import { AuditService } from '@accord/audit';
import { DocumentStatus, ParticipantKind } from '@accord/common';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import request from 'supertest';
import { createDocumentInStatus } from '../support/document-factory';
import { createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { urlWithDatabase } from '../support/test-server';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** `npm run backup|restore -- FILE` as an operator runs it, against `url` (DATABASE_URL). */
function tool(name: 'backup' | 'restore', file: string, url: string) {
  return run(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      `tools/${name}.ts`,
      file,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, timeout: 240_000 },
  );
}

async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_test_restore_${randomBytes(5).toString('hex')}`;
  const admin = process.env.ACCORD_TEST_ADMIN_URL!;
  const withAdmin = async (sql: string) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await withAdmin(`CREATE DATABASE "${name}"`);
  return {
    url: urlWithDatabase(admin, name),
    drop: () => withAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Row count and a checksum of every row's text, optionally restricted by `where`. */
async function fingerprint(url: string, table: string, where = 'true', params: unknown[] = []) {
  const [row] = await query<{ n: number; md5: string }>(
    url,
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5
       FROM "${table}" x WHERE ${where}`,
    params,
  );
  return row;
}

const TABLES = `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND relkind = 'r' ORDER BY relname`;
/**
 * Tables the requests served during the backup write to; every other one must come back identical.
 * The audit streams' head rows move with every event: the restored chain's verification (below)
 * checks them against the events.
 */
const WRITTEN_DURING_BACKUP = [
  'participants',
  'audit_events',
  'audit_checkpoints',
  'audit_streams',
  'audit_checkpointed_heads',
];
/** Counters every request touches (the rate limit, a session's last use): checked for presence only. */
const TOUCHED_BY_EVERY_REQUEST = ['request_rate_limits', 'sessions'];

describe('backup and restore', () => {
  let t: TestApp;
  let w: World;
  let dir: string;
  let file: string;
  let signatureIds: string[];
  let restored: { url: string; drop(): Promise<void> };
  let served = 0;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const document = await createDocumentInStatus(t, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE],
      title: 'Déclaration «accents», quotes "and" \\backslashes\\\ttabs',
    });
    signatureIds = [];
    for (const head of [w.headA, w.headB]) {
      const res = await t.gql(
        `mutation($id: ID!) { signDocument(documentId: $id) { id } }`,
        { id: document.id },
        head.token,
      );
      signatureIds.push(res.data!.signDocument.id);
    }
    await t.get(AuditService).checkpointHead();

    dir = mkdtempSync(join(tmpdir(), 'accord-backup-'));
    file = join(dir, 'accord.backup');
    // The API keeps serving writes for the whole backup.
    let backingUp = true;
    const writer = (async () => {
      while (backingUp) {
        const res = await t.gql(
          'mutation($name: String!) { createParticipant(input: { kind: ACADEMIA, name: $name }) { id } }',
          { name: `During backup ${served}` },
          w.secretariat.token,
        );
        expect(res.errors).toBeUndefined();
        served++;
      }
    })();
    try {
      await tool('backup', file, t.databaseUrl);
    } finally {
      backingUp = false;
      await writer;
    }
    restored = await emptyDatabase();
    await tool('restore', file, restored.url);
  });

  afterAll(async () => {
    await t?.close();
    await restored?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kept serving requests while the backup ran', () => {
    expect(served).toBeGreaterThan(0);
  });

  it('brings back every table (the migrations table too) row for row, as of one snapshot', async () => {
    const tables = (await query<{ name: string }>(t.databaseUrl, TABLES)).map((r) => r.name);
    expect((await query<{ name: string }>(restored.url, TABLES)).map((r) => r.name)).toEqual(
      tables,
    );
    expect(tables).toEqual(expect.arrayContaining(['migrations', ...WRITTEN_DURING_BACKUP]));
    const stable = tables.filter(
      (name) => !WRITTEN_DURING_BACKUP.includes(name) && !TOUCHED_BY_EVERY_REQUEST.includes(name),
    );
    for (const table of stable) {
      expect({ table, ...(await fingerprint(restored.url, table)) }).toEqual({
        table,
        ...(await fingerprint(t.databaseUrl, table)),
      });
    }
    // Sessions come back (users stay signed in after a restore); counters may have moved on.
    const sessionIds = (await query<{ id: string }>(restored.url, 'SELECT id FROM sessions')).map(
      (r) => r.id,
    );
    expect(sessionIds.length).toBeGreaterThan(0);
    expect((await fingerprint(t.databaseUrl, 'sessions', 'id = ANY($1)', [sessionIds])).n).toBe(
      sessionIds.length,
    );
    // Written to meanwhile: the backup holds exactly the source's rows up to its snapshot...
    for (const table of ['audit_events', 'audit_checkpoints']) {
      const [{ max }] = await query<{ max: string }>(
        restored.url,
        `SELECT max(id)::text AS max FROM ${table}`,
      );
      expect(await fingerprint(restored.url, table)).toEqual(
        await fingerprint(t.databaseUrl, table, 'id <= $1', [max]),
      );
    }
    const ids = (await query<{ id: string }>(restored.url, 'SELECT id FROM participants')).map(
      (r) => r.id,
    );
    expect(await fingerprint(restored.url, 'participants')).toEqual(
      await fingerprint(t.databaseUrl, 'participants', 'id = ANY($1)', [ids]),
    );
    // ...and every participant and its audit event were caught together, or neither was.
    const [{ participants, events }] = await query<{ participants: number; events: number }>(
      restored.url,
      `SELECT (SELECT count(*)::int FROM participants WHERE name LIKE 'During backup %') AS participants,
              (SELECT count(*)::int FROM audit_events WHERE action = 'participant.created' AND details->>'name' LIKE 'During backup %') AS events`,
    );
    expect(participants).toBe(events);
  });

  it('restores a chain that verifies, signatures whose hashes match their texts, and working sequences', async () => {
    const app = await createTestApp({}, { url: restored.url, drop: async () => {} });
    try {
      const verify = await app.gql(
        '{ verifyAuditChain { ok checked problem checkpointsChecked } }',
        {},
        await app.tokenFor(w.secretariat.id),
      );
      expect(verify.data!.verifyAuditChain).toMatchObject({ ok: true, problem: null });
      expect(verify.data!.verifyAuditChain.checkpointsChecked).toBeGreaterThanOrEqual(1);
      for (const id of signatureIds) {
        const res = await request(app.http).get(`/signatures/${id}/verification`);
        expect(res.body).toMatchObject({ matchesAdoptedText: true, valid: true });
      }
      // Sequences came back too: a new event gets the next id, not one already taken.
      const created = await app.gql(
        'mutation { createParticipant(input: { kind: ACADEMIA, name: "After restore" }) { id } }',
        {},
        await app.tokenFor(w.secretariat.id),
      );
      expect(created.errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('refuses a database that is not empty', async () => {
    await expect(tool('restore', file, restored.url)).rejects.toMatchObject({
      stderr: expect.stringContaining('not empty'),
    });
  });

  it('refuses a backup from a newer schema, and leaves the database empty', async () => {
    const [headerLine, ...rest] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(headerLine);
    header.migrations.push('FromTheFuture9999999999999');
    header.schemaVersion = 'FromTheFuture9999999999999';
    const future = join(dir, 'future.backup');
    writeFileSync(future, gzipSync([JSON.stringify(header), ...rest].join('\n')));
    const target = await emptyDatabase();
    try {
      await expect(tool('restore', future, target.url)).rejects.toMatchObject({
        stderr: expect.stringMatching(/newer version of Accord.*FromTheFuture9999999999999/),
      });
      expect(await query(target.url, TABLES)).toEqual([]);
    } finally {
      await target.drop();
    }
  });
});
