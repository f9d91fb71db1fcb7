import { auditHash, AuditService, CHECKPOINT_EVERY_EVENTS } from '@accord/audit';
import { Client } from 'pg';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { urlWithDatabase } from '../support/test-server';

const VERIFY = `{ verifyAuditChain { ok checked firstBrokenId problem detail checkpointsChecked lastCheckpointEventId } }`;

/** What an attacker with superuser rights can do: switch the append-only triggers off for one session. */
async function asSuperuser<T>(t: TestApp, fn: (c: Client) => Promise<T>): Promise<T> {
  const database = new URL(t.databaseUrl).pathname.slice(1);
  const client = new Client({
    connectionString: urlWithDatabase(process.env.ACCORD_TEST_ADMIN_URL!, database),
  });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function headId(t: TestApp): Promise<number> {
  const [row] = await t.dataSource.query('SELECT max(id)::int AS id FROM audit_events');
  return row.id;
}

// Each test gets its own app and database: several tamper with the chain as a superuser would.
jest.setTimeout(180_000);

describe('audit trail: append-only tables and signed checkpoints', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterEach(() => t.close());

  const verify = async () => (await t.gql(VERIFY, {}, w.secretariat.token)).data!.verifyAuditChain;

  it('refuses TRUNCATE, UPDATE and DELETE of the events and the checkpoints to the application', async () => {
    await t.get(AuditService).checkpointHead();
    for (const table of ['audit_events', 'audit_checkpoints']) {
      await expect(t.dataSource.query(`TRUNCATE ${table}`)).rejects.toThrow(
        `${table} is append-only`,
      );
      await expect(t.dataSource.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`UPDATE ${table} SET id = id`)).rejects.toThrow(
        /append-only/,
      );
    }
    expect(await verify()).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });

  it('signs a checkpoint by itself every CHECKPOINT_EVERY_EVENTS events, and a clean chain verifies', async () => {
    const start = await headId(t);
    for (let i = 0; i <= CHECKPOINT_EVERY_EVENTS; i++) {
      const res = await t.gql(
        'mutation($name: String!) { createParticipant(input: { kind: ACADEMIA, name: $name }) { id } }',
        { name: `Institute ${i}` },
        w.secretariat.token,
      );
      expect(res.errors).toBeUndefined();
    }
    const checkpoints: { eventId: string }[] = await t.dataSource.query(
      'SELECT "eventId" FROM audit_checkpoints',
    );
    expect(checkpoints.length).toBeGreaterThanOrEqual(1);
    expect(Number(checkpoints[0].eventId)).toBeGreaterThan(start);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, problem: null, firstBrokenId: null });
    expect(result.checkpointsChecked).toBe(checkpoints.length);
    expect(result.checked).toBe(await headId(t));
  });

  it('does not make a write wait while another transaction signs a checkpoint; a later event signs it', async () => {
    const create = (name: string) =>
      t.gql(
        'mutation($name: String!) { createParticipant(input: { kind: ACADEMIA, name: $name }) { id } }',
        { name },
        w.secretariat.token,
      );
    await t.get(AuditService).checkpointHead();
    const mark = await headId(t);
    const checkpoints = async () =>
      Number((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_checkpoints'))[0].n);
    const before = await checkpoints();
    // Another transaction holds the checkpoint lock (as one signing a checkpoint would).
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock($1)', [0x41554443]);
    try {
      // Writes up to and past the mark go on at once, and sign nothing meanwhile.
      for (let i = 0; (await headId(t)) - mark <= CHECKPOINT_EVERY_EVENTS; i++) {
        const passed = await Promise.race([
          create(`College ${i}`).then((res) => res.errors === undefined),
          new Promise<string>((resolve) => setTimeout(() => resolve('waited'), 5000)),
        ]);
        expect(passed).toBe(true);
      }
      expect(await checkpoints()).toBe(before);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    await create('Next one');
    expect(await checkpoints()).toBe(before + 1);
    expect(await verify()).toMatchObject({ ok: true, problem: null });
  });

  it('reports the newest events missing when they are deleted past the last checkpoint', async () => {
    const checkpointed = await headId(t);
    expect(await t.get(AuditService).checkpointHead()).toBe(true);
    expect(await verify()).toMatchObject({
      ok: true,
      lastCheckpointEventId: String(checkpointed),
    });

    await asSuperuser(t, (c) =>
      c.query('DELETE FROM audit_events WHERE id > $1', [checkpointed - 3]),
    );

    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'EVENTS_MISSING',
      firstBrokenId: String(checkpointed),
      checked: checkpointed - 3,
    });
  });

  it('reports a forged checkpoint', async () => {
    await t.get(AuditService).checkpointHead();
    const [head] = await t.dataSource.query(
      'SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1',
    );
    await asSuperuser(t, (c) =>
      c.query(
        `INSERT INTO audit_checkpoints (at, "eventId", "eventHash", mac) VALUES (now(), $1, $2, $3)`,
        [head.id, head.hash, 'f'.repeat(64)],
      ),
    );
    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'FORGED_CHECKPOINT',
      firstBrokenId: head.id,
    });
  });

  it('reports a chain rewritten and re-hashed before a checkpoint', async () => {
    await t.get(AuditService).checkpointHead();
    // Re-hashing every later event of the changed one's stream (and its head row) keeps the links
    // whole: only the checkpoint can tell.
    const rewritten = await asSuperuser(t, async (c) => {
      const rows = await c.query('SELECT * FROM audit_events ORDER BY id');
      const heads = new Map<string, string>();
      const stream = rows.rows.find((row) => row.id === '3').stream as string;
      for (const row of rows.rows) {
        const prevHash = heads.get(row.stream) ?? null;
        const details = row.id === '3' ? { tampered: true } : row.details;
        const hash = auditHash({ ...row, details, prevHash });
        await c.query(
          'UPDATE audit_events SET details = $2, "prevHash" = $3, hash = $4 WHERE id = $1',
          [row.id, details, prevHash, hash],
        );
        await c.query('UPDATE audit_streams SET "headHash" = $2 WHERE "headId" = $1', [
          row.id,
          hash,
        ]);
        heads.set(row.stream, hash);
      }
      return stream;
    });
    const [{ head }] = await t.dataSource.query(
      'SELECT max(id)::text AS head FROM audit_events WHERE stream = $1',
      [rewritten],
    );
    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'CHECKPOINT_MISMATCH',
      firstBrokenId: head,
    });
  });
});
