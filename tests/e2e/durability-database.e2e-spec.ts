import { PlatformRole } from '@accord/common';
import request from 'supertest';
import { createUser, createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { code, draftIn, ok, transition } from './drafting-fixtures';
import { eventually, sleep, ThrowawayDatabase } from './durability-fixtures';
import { nudgeUntilReceived, WsSession } from './ws-fixtures';

const USERS = '{ users(first: 1) { id } }';
const DOCUMENT_CHANGED =
  'subscription($id: ID!) { documentChanged(documentId: $id) { id status } }';
/** Words of node-postgres, TypeORM or the kernel that must never reach a client. */
const DRIVER_TEXT = /ECONN|terminat|timeout|postgres|query|socket|connect/i;

/**
 * The app on a PostgreSQL cluster of this file's own, which the tests stop, start and freeze.
 * Short timeouts (DB_STATEMENT_TIMEOUT 3 s, DB_CONNECT_TIMEOUT 3 s) keep the waits short.
 */
describe('durability: the database goes away, hangs, and comes back', () => {
  const db = new ThrowawayDatabase();
  let t: TestApp;
  let w: World;
  let admin: { id: string; token: string };
  const sessions: WsSession[] = [];
  const open = (token: string | null) => {
    const session = new WsSession(t, token);
    sessions.push(session);
    return session;
  };
  // Readiness: /health itself is liveness and does not look at the database.
  const health = () => request(t.http).get('/health/ready');
  const statusOf = (body: { details?: Record<string, { status: string }> }, part: string) =>
    body.details?.[part]?.status;

  beforeAll(async () => {
    await db.start();
    const url = await db.database('accord_test_durability');
    t = await createTestApp(
      { dbStatementTimeoutMs: 3000, dbConnectTimeoutMs: 3000 },
      { url, drop: () => Promise.resolve() },
    );
    w = await createWorld(t);
    admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
  }, 180_000);
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.dispose()));
    // Each test starts from a running database, whatever the previous one left.
    if (!db.running) await db.start();
  });
  afterAll(async () => {
    await t?.close();
    await db.destroy();
  }, 60_000);

  function expectUnavailable(
    error: { message: string; extensions?: { code?: string } } | undefined,
  ) {
    expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error?.message).not.toMatch(DRIVER_TEXT);
  }

  it('is not ready (503 naming the database, the listener and the job queue) while down, SERVICE_UNAVAILABLE (never UNAUTHENTICATED) to callers, and delivers the next change after a 10 s outage', async () => {
    expect((await health()).body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, listener: { status: 'up' } },
    });
    const draft = await draftIn(t, w.secretariat.token, 'ADOPTED');
    const subscriber = open(w.delegateA.token);
    const stream = subscriber.subscribe(DOCUMENT_CHANGED, { id: draft.id });
    await nudgeUntilReceived(t, stream, 'documentChanged', { documentId: draft.id });
    const signedIn = open(admin.token);
    expect((await signedIn.run(USERS)).errors).toBeUndefined();

    await db.stop();
    const stoppedAt = Date.now();

    await eventually(async () => statusOf((await health()).body, 'listener') === 'down');
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error' });
    expect(Object.keys(down.body.error).sort()).toEqual(['database', 'jobs', 'listener']);
    expect((await request(t.http).get('/health')).status).toBe(200);

    // A signed-in caller is told the service is unavailable, not that the token is bad.
    const overHttp = await t.gql(USERS, {}, admin.token);
    expectUnavailable(overHttp.errors?.[0]);
    expect(overHttp.data?.users ?? null).toBeNull();
    expectUnavailable((await signedIn.run(USERS)).errors?.[0]);
    // A new socket is asked to come back later (1013, which graphql-ws clients retry), not refused (4403).
    const late = open(admin.token);
    await late.run(USERS).catch(() => undefined);
    expect(late.closeCode).toBe(1013);
    expect(code(await t.gql('{ participants(first: 1) { totalCount } }'))).toBe(
      'SERVICE_UNAVAILABLE',
    );

    await sleep(10_000 - (Date.now() - stoppedAt));
    expect((await health()).status).toBe(503);
    await db.start();

    await eventually(async () => (await health()).status === 200);
    expect((await health()).body).toMatchObject({
      details: { database: { status: 'up' }, listener: { status: 'up' } },
    });
    const count = stream.results.length;
    ok(await t.gql(transition('openForSignature'), { id: draft.id }, w.secretariat.token));
    // Nudges sent before the outage may still arrive first (status ADOPTED): skip them.
    const isNews = (r: { data?: any; errors?: unknown }) =>
      !!r.errors || r.data?.documentChanged?.status !== 'ADOPTED';
    while (!stream.results.slice(count).some(isNews) && !stream.ended) {
      await stream.after(stream.results.length);
    }
    expect(stream.results.slice(count).find(isNews)).toEqual({
      data: { documentChanged: { id: draft.id, status: 'OPEN_FOR_SIGNATURE' } },
    });
    expect(subscriber.connections).toBe(1);
    expect((await signedIn.run(USERS)).errors).toBeUndefined();
  }, 120_000);

  it('answers SERVICE_UNAVAILABLE within seconds while the database hangs, then serves again', async () => {
    await eventually(async () => (await health()).status === 200);
    db.signal('SIGSTOP');
    try {
      const started = Date.now();
      const res = await t.gql(USERS, {}, admin.token);
      // DB_STATEMENT_TIMEOUT (3 s) plus the client's margin (2 s), with room for a slow machine.
      expect(Date.now() - started).toBeLessThan(15_000);
      expectUnavailable(res.errors?.[0]);
      const probe = await health();
      expect(probe.status).toBe(503);
      expect(statusOf(probe.body, 'database')).toBe('down');
    } finally {
      db.signal('SIGCONT');
    }
    await eventually(async () => (await health()).status === 200);
    expect(code(await t.gql(USERS, {}, admin.token))).toBeUndefined();
  }, 120_000);
});
