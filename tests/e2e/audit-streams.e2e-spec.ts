import { auditHash, AuditService, checkpointKey, checkpointMac } from '@accord/audit';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { Client } from 'pg';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { urlWithDatabase } from '../support/test-server';
import { ADD_CLAUSE, CREATE_DOCUMENT, ok } from './drafting-fixtures';

const VERIFY = `{ verifyAuditChain { ok checked firstBrokenId problem detail checkpointsChecked } }`;

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

interface Row {
  id: string;
  stream: string;
  seq: string;
  hash: string;
}

jest.setTimeout(180_000);

describe('audit trail: one hash chain per stream', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const verify = async () => (await t.gql(VERIFY, {}, w.secretariat.token)).data!.verifyAuditChain;
  const draft = async (title: string): Promise<string> =>
    ok(
      await t.gql(
        CREATE_DOCUMENT,
        { input: { title, kind: 'STATEMENT', eligibleKinds: ['STATE'] } },
        w.secretariat.token,
      ),
    ).createDocument.id;
  const addClause = (documentId: string, text: string) =>
    t.gql(ADD_CLAUSE, { input: { documentId, kind: 'OPERATIVE', text } }, w.secretariat.token);
  const streamOf = (documentId: string): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT id::text, stream, seq::text, hash FROM audit_events WHERE stream = $1 ORDER BY audit_events.seq`,
      [`document:${documentId}`],
    );
  /** Backends of this database waiting for a row lock of audit_streams. */
  const waitingOnStreams = async (): Promise<number> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%audit_streams%'`,
      )
    )[0].n;

  it('lets a write on another document commit while a document’s chain is held; a write on the held document waits for it', async () => {
    const a = await draft('Held draft');
    const b = await draft('Free draft');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const hasAppended = new Promise<void>((resolve) => (appended = resolve));
    // A transaction that has appended to document A's chain and stays open.
    const holder = t.get(TransactionHost<TypeOrmAdapter>).withTransaction(async () => {
      await t.get(AuditService).record(w.secretariat.actor, {
        action: 'test.held',
        entityType: 'Document',
        entityId: a,
      });
      appended();
      await held;
    });
    await hasAppended;

    // Document B's write commits meanwhile (with one platform-wide chain it would wait here).
    ok(await addClause(b, 'States will cooperate.'));
    expect((await streamOf(b)).length).toBe(2);

    // Document A's write waits for the held transaction's stream lock...
    let settled = false;
    const onA = addClause(a, 'States will report.').finally(() => (settled = true));
    while ((await waitingOnStreams()) === 0) await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);

    // ...and goes on once it commits, after it in A's chain.
    release();
    await holder;
    ok(await onA);
    expect((await streamOf(a)).map((e) => e.seq)).toEqual(['1', '2', '3']);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('keeps every stream’s chain whole under concurrent writes on one document and on several', async () => {
    const one = await draft('Busy draft');
    const others = [await draft('Other draft 1'), await draft('Other draft 2')];
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => addClause(one, `Clause ${i}.`)),
      ...Array.from({ length: 10 }, (_, i) => addClause(others[i % 2], `Other ${i}.`)),
    ]);
    for (const result of results) ok(result);
    const events = await streamOf(one);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    // Ids grow with the place in the stream: the id is drawn under the stream's lock.
    expect(events.map((e) => BigInt(e.id))).toEqual(
      [...events.map((e) => BigInt(e.id))].sort((x, y) => (x < y ? -1 : 1)),
    );
    expect(await verify()).toMatchObject({ ok: true, problem: null });
  });

  describe('detects tampering inside one stream', () => {
    let a: Row[];
    let b: Row[];
    beforeAll(async () => {
      const docA = await draft('Tampered draft A');
      const docB = await draft('Tampered draft B');
      for (let i = 0; i < 3; i++) {
        ok(await addClause(docA, `A ${i}.`));
        ok(await addClause(docB, `B ${i}.`));
      }
      await t.get(AuditService).checkpointHead();
      a = await streamOf(docA);
      b = await streamOf(docB);
      expect(await verify()).toMatchObject({ ok: true });
      await asSuperuser(t, (c) =>
        c.query('CREATE TABLE audit_events_untouched AS SELECT * FROM audit_events'),
      );
    });
    // Put every event back as it was, and check the chain is whole again.
    afterEach(async () => {
      await asSuperuser(t, async (c) => {
        await c.query('DELETE FROM audit_events');
        await c.query('INSERT INTO audit_events SELECT * FROM audit_events_untouched');
      });
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('an edited event', async () => {
      await asSuperuser(t, (c) =>
        c.query(`UPDATE audit_events SET details = '{"text": "Other words."}' WHERE id = $1`, [
          a[2].id,
        ]),
      );
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'CHAIN_BROKEN',
        firstBrokenId: a[2].id,
      });
    });

    it('a deleted event in the middle of a stream', async () => {
      await asSuperuser(t, (c) => c.query('DELETE FROM audit_events WHERE id = $1', [a[1].id]));
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'CHAIN_BROKEN',
        firstBrokenId: a[2].id,
      });
    });

    it('an event moved from one stream into another, with its links redone', async () => {
      const moved = b[b.length - 1];
      const headOfA = a[a.length - 1];
      await asSuperuser(t, (c) =>
        c.query(`UPDATE audit_events SET stream = $2, seq = $3, "prevHash" = $4 WHERE id = $1`, [
          moved.id,
          headOfA.stream,
          String(Number(headOfA.seq) + 1),
          headOfA.hash,
        ]),
      );
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'CHAIN_BROKEN',
        firstBrokenId: moved.id,
      });
    });

    it('two events of different streams swapped in the global order', async () => {
      const [first, second] = [a[1], b[1]].sort((x, y) => Number(x.id) - Number(y.id));
      await asSuperuser(t, async (c) => {
        await c.query('UPDATE audit_events SET id = -1 WHERE id = $1', [first.id]);
        await c.query('UPDATE audit_events SET id = $2 WHERE id = $1', [second.id, first.id]);
        await c.query('UPDATE audit_events SET id = $1 WHERE id = -1', [second.id]);
      });
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'CHAIN_BROKEN',
        firstBrokenId: first.id,
      });
    });

    it('a whole stream removed after a checkpoint', async () => {
      await asSuperuser(t, (c) =>
        c.query('DELETE FROM audit_events WHERE stream = $1', [b[0].stream]),
      );
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'EVENTS_MISSING',
        firstBrokenId: b[b.length - 1].id,
      });
    });

    it('the newest events of one stream removed and its head row moved back, before any checkpoint of them', async () => {
      ok(await addClause(a[0].stream.slice('document:'.length), 'Not yet checkpointed.'));
      const [newest] = (await streamOf(a[0].stream.slice('document:'.length))).slice(-1);
      // A careless attacker leaves the head row: it names an event that is gone.
      await asSuperuser(t, (c) => c.query('DELETE FROM audit_events WHERE id = $1', [newest.id]));
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'EVENTS_MISSING',
        firstBrokenId: newest.id,
      });
      // afterEach restores the events as they were before this one: move the head back too.
      await asSuperuser(t, (c) =>
        c.query(
          `UPDATE audit_streams SET seq = seq - 1, "headId" = $2, "headHash" = $3 WHERE stream = $1`,
          [a[0].stream, a[a.length - 1].id, a[a.length - 1].hash],
        ),
      );
    });
  });

  it('reports a checkpoint removed from between two others', async () => {
    const doc = await draft('Checkpointed draft');
    for (let i = 0; i < 3; i++) {
      ok(await addClause(doc, `C ${i}.`));
      expect(await t.get(AuditService).checkpointHead()).toBe(true);
    }
    const [, middle] = await t.dataSource.query(
      `SELECT id::text, "eventId"::text FROM audit_checkpoints ORDER BY id DESC LIMIT 3`,
    );
    await asSuperuser(t, (c) =>
      c.query('DELETE FROM audit_checkpoints WHERE id = $1', [middle.id]),
    );
    expect(await verify()).toMatchObject({ ok: false, problem: 'FORGED_CHECKPOINT' });
  });
});

describe('audit trail: a database from before the chain was partitioned', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('still verifies after the migration: old events keep their hashes as the start of the platform stream', async () => {
    // Back to the schema before partitioning (and any later migration), as an old database is.
    for (;;) {
      const [last] = await t.dataSource.query(
        'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      await t.dataSource.undoLastMigration({ transaction: 'each' });
      if (last.name === 'AuditStreams1796032000000') break;
    }
    // Five events chained the old way, and a checkpoint signed the old way over the fourth.
    const legacy: { id: string; hash: string }[] = [];
    let prevHash: string | null = null;
    for (let i = 0; i < 5; i++) {
      const fields = {
        at: new Date(Date.UTC(2025, 3, 4, 10, i)),
        actorId: null,
        participantId: null,
        action: 'participant.created',
        entityType: 'Participant',
        entityId: `legacy-${i}`,
        details: { i },
        prevHash,
        hashVersion: 1,
      };
      const hash = auditHash(fields);
      const [row] = await t.dataSource.query(
        `INSERT INTO audit_events (at, "actorId", "participantId", action, "entityType", "entityId", details, hash, "prevHash")
         VALUES ($1, NULL, NULL, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
        [
          fields.at,
          fields.action,
          fields.entityType,
          fields.entityId,
          fields.details,
          hash,
          prevHash,
        ],
      );
      legacy.push({ id: row.id, hash });
      prevHash = hash;
    }
    const key = checkpointKey({
      auditCheckpointKey: null,
      databaseUrl: t.databaseUrl,
      jwtSecret: TEST_JWT_SECRET,
      dataDir: '/nonexistent',
    });
    const at = new Date();
    await t.dataSource.query(
      `INSERT INTO audit_checkpoints (at, "eventId", "eventHash", mac) VALUES ($1, $2, $3, $4)`,
      [
        at,
        legacy[3].id,
        legacy[3].hash,
        checkpointMac(key, { at, eventId: legacy[3].id, eventHash: legacy[3].hash }),
      ],
    );

    await t.dataSource.runMigrations({ transaction: 'each' });

    expect(
      await t.dataSource.query(
        `SELECT stream, seq::int, "hashVersion" FROM audit_events ORDER BY id`,
      ),
    ).toEqual(legacy.map((_, i) => ({ stream: 'platform', seq: i + 1, hashVersion: 1 })));
    const w = await createWorld(t);
    const verify = async () =>
      (await t.gql(VERIFY, {}, w.secretariat.token)).data!.verifyAuditChain;
    expect(await verify()).toMatchObject({ ok: true, checkpointsChecked: 1 });

    // New platform events continue the old chain; new checkpoints chain to the old one.
    await t
      .get(TransactionHost<TypeOrmAdapter>)
      .withTransaction(() =>
        t
          .get(AuditService)
          .record(null, { action: 'test.platform', entityType: 'Test', entityId: null }),
      );
    const [next] = await t.dataSource.query(
      `SELECT seq::int, "prevHash", "hashVersion" FROM audit_events WHERE action = 'test.platform'`,
    );
    expect(next).toEqual({ seq: 6, prevHash: legacy[4].hash, hashVersion: 2 });
    expect(await t.get(AuditService).checkpointHead()).toBe(true);
    expect(await verify()).toMatchObject({ ok: true, checkpointsChecked: 2 });

    // An old event changed is still caught.
    await asSuperuser(t, (c) =>
      c.query(`UPDATE audit_events SET "entityId" = 'changed' WHERE id = $1`, [legacy[1].id]),
    );
    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'CHAIN_BROKEN',
      firstBrokenId: legacy[1].id,
    });
  });
});
