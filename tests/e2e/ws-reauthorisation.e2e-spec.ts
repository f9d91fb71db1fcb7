import { DelegationRole, PlatformRole, PUB_SUB } from '@accord/common';
import { UsersService } from '@accord/auth';
import { ParticipantsService } from '@accord/participants';
import { JwtService } from '@nestjs/jwt';
import { PubSubEngine } from 'graphql-subscriptions';
import { decode, sign } from 'jsonwebtoken';
import { createMember, createUser, createWorld, World } from '../support/factories';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { ADD_COMMENT, code, draftIn } from './drafting-fixtures';
import { nudgeUntilReceived, WsSession, WsStream } from './ws-fixtures';

const USERS = '{ users(first: 1) { id } }';
const ENABLE = 'mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }';
const DOCUMENT = 'query($id: ID!) { document(id: $id) { id } }';
const DOCUMENT_CHANGED =
  'subscription($id: ID!) { documentChanged(documentId: $id) { id status } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A graphql-ws connection outlives what made it valid. Each operation over an open socket,
 * and each subscription event, is checked again as an HTTP request would be.
 */
describe('graphql-ws: every operation and every event is re-authorised', () => {
  let t: TestApp;
  let w: World;
  const sessions: WsSession[] = [];
  const open = (token: string | null) => {
    const session = new WsSession(t, token);
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.dispose()));
  });
  afterAll(() => t.close());

  /**
   * Nudges a subscription whose subscriber is no longer valid until it answers with an error.
   * A data event may still come first from a nudge published before the change.
   */
  async function refusedEvent(stream: WsStream, documentId: string) {
    const pubSub = t.app.get<PubSubEngine>(PUB_SUB);
    for (let attempt = 0; attempt < 5; attempt++) {
      const count = stream.results.length;
      await pubSub.publish('documentChanged', { documentId });
      await stream.after(count);
      const result = stream.results[count];
      if (!result || result.errors) return result;
    }
    throw new Error('the subscription kept delivering events');
  }

  it('refuses a user disabled since connect: next query, next mutation, next event', async () => {
    const admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
    const draft = await draftIn(t, w.secretariat.token, 'ADOPTED');
    const ws = open(admin.token);
    expect(await ws.run(USERS)).toMatchObject({ data: { users: [expect.any(Object)] } });
    const stream = ws.subscribe(DOCUMENT_CHANGED, { id: draft.id });
    await nudgeUntilReceived(t, stream, 'documentChanged', { documentId: draft.id });

    await t.get(UsersService).setDisabled(w.admin.actor, admin.id, true);

    const overHttp = await t.gql(USERS, {}, admin.token);
    expect(code(overHttp)).toBe('UNAUTHENTICATED');
    const query = await ws.run(USERS);
    expect(query.data?.users ?? null).toBeNull();
    expect(query.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const mutation = await ws.run(ENABLE, { id: admin.id });
    expect(mutation.data?.setUserDisabled ?? null).toBeNull();
    expect(mutation.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.get(UsersService).getById(admin.id)).toMatchObject({
      disabledAt: expect.any(Date),
    });

    // The document is public, yet the disabled user's subscription ends rather than go on anonymously.
    const event = await refusedEvent(stream, draft.id);
    expect(event.data ?? null).toBeNull();
    expect(event.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await stream.untilEnded();
    expect(ws.connections).toBe(1);
  });

  it('refuses a member removed from the delegation since connect, as HTTP does', async () => {
    const member = await createMember(t, w.secretariat.actor, w.stateA.id, DelegationRole.DELEGATE);
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
    const ws = open(member.token);
    expect((await ws.run(DOCUMENT, { id: draft.id })).data).toEqual({ document: { id: draft.id } });
    const stream = ws.subscribe(DOCUMENT_CHANGED, { id: draft.id });
    await nudgeUntilReceived(t, stream, 'documentChanged', { documentId: draft.id });

    await t.get(ParticipantsService).removeMember(w.secretariat.actor, w.stateA.id, member.id);

    expect((await t.gql(DOCUMENT, { id: draft.id }, member.token)).data).toEqual({
      document: null,
    });
    expect((await ws.run(DOCUMENT, { id: draft.id })).data).toEqual({ document: null });
    const comment = { clauseId: draft.clauses[0].id, body: 'Still here?' };
    const overHttp = await t.gql(ADD_COMMENT, comment, member.token);
    expect(code(overHttp)).toBeDefined();
    const overWs = await ws.run(ADD_COMMENT, comment);
    expect(overWs.data?.addComment ?? null).toBeNull();
    expect(overWs.errors?.[0].extensions?.code).toBe(code(overHttp));

    // The draft's next event does not reach the removed member; the adoption, public, does.
    const count = stream.results.length;
    // Events reach a subscriber in NOTIFY order: had the first passed, it would come first.
    await t.app.get<PubSubEngine>(PUB_SUB).publish('documentChanged', { documentId: draft.id });
    const adopted = await t.gql(
      'mutation($id: ID!) { adoptDocument(documentId: $id) { id } }',
      { id: draft.id },
      w.secretariat.token,
    );
    expect(adopted.errors).toBeUndefined();
    await stream.after(count);
    expect(stream.results[count]).toEqual({
      data: { documentChanged: { id: draft.id, status: 'ADOPTED' } },
    });
    expect(ws.connections).toBe(1);
  });

  it('refuses a token that expired since connect: next query, next mutation, next event', async () => {
    const admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
    const draft = await draftIn(t, w.secretariat.token, 'ADOPTED');
    // The admin's own live session: only the expiry differs from a token login would give.
    const { sid } = t.get(JwtService).decode<{ sid: string }>(admin.token);
    const token = t.get(JwtService).sign({ sub: admin.id, sid }, { expiresIn: 6 });
    const { exp } = t.get(JwtService).decode<{ exp: number }>(token);
    const ws = open(token);
    expect(await ws.run(USERS)).toMatchObject({ data: { users: [expect.any(Object)] } });
    const stream = ws.subscribe(DOCUMENT_CHANGED, { id: draft.id });
    await nudgeUntilReceived(t, stream, 'documentChanged', { documentId: draft.id });
    expect(Date.now()).toBeLessThan(exp * 1000);

    await sleep(exp * 1000 - Date.now() + 100);

    expect(code(await t.gql(USERS, {}, token))).toBe('UNAUTHENTICATED');
    expect((await ws.run(USERS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ws.run(ENABLE, { id: admin.id })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const event = await refusedEvent(stream, draft.id);
    expect(event.data ?? null).toBeNull();
    expect(event.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await stream.untilEnded();
    expect(ws.connections).toBe(1);
  });
});

describe('access tokens are checked alike on both transports', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
  });
  afterAll(() => t.close());

  async function refusedOverWs(token: string): Promise<number | null> {
    const ws = new WsSession(t, token);
    try {
      await ws.run(USERS).catch(() => undefined);
      return ws.closeCode;
    } finally {
      await ws.dispose();
    }
  }

  it('accepts a well-formed token on both', async () => {
    expect(code(await t.gql(USERS, {}, admin.token))).toBeUndefined();
    const ws = new WsSession(t, admin.token);
    expect((await ws.run(USERS)).errors).toBeUndefined();
    await ws.dispose();
  });

  it('refuses a token signed without exp, on both', async () => {
    const { sid } = decode(admin.token) as { sid: string };
    const forever = sign({ sub: admin.id, sid }, TEST_JWT_SECRET, { algorithm: 'HS256' });
    expect(code(await t.gql(USERS, {}, forever))).toBe('UNAUTHENTICATED');
    expect(await refusedOverWs(forever)).toBe(4403);
  });

  it('refuses a token signed with another algorithm than HS256, on both', async () => {
    const { sid } = decode(admin.token) as { sid: string };
    const hs512 = sign({ sub: admin.id, sid }, TEST_JWT_SECRET, {
      algorithm: 'HS512',
      expiresIn: 600,
    });
    expect(code(await t.gql(USERS, {}, hs512))).toBe('UNAUTHENTICATED');
    expect(await refusedOverWs(hs512)).toBe(4403);
  });
});
