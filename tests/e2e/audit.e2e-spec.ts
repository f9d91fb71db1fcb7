import { createTestApp, TestApp } from '../support/test-app';
import { createUser, createWorld, World } from '../support/factories';

const EVENTS = `query($first: Int, $after: String, $entityId: String) {
  auditEvents(first: $first, after: $after, entityId: $entityId) { id action entityType entityId actor { id } stream seq hash prevHash }
}`;
const VERIFY = `{ verifyAuditChain { ok checked firstBrokenId } }`;

describe('audit trail', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('records a mutation with its actor, delegation, action and target, chained to the previous event of its stream', async () => {
    const res = await t.gql(
      'mutation { createParticipant(input: { kind: ACADEMIA, name: "Chatham House" }) { id } }',
      {},
      w.secretariat.token,
    );
    const id = res.data!.createParticipant.id;
    const events = await t.gql(EVENTS, { entityId: id }, w.secretariat.token);
    expect(events.data!.auditEvents).toEqual([
      expect.objectContaining({
        action: 'participant.created',
        entityType: 'Participant',
        entityId: id,
        actor: { id: w.secretariat.id },
        // The participant's own chain starts here.
        stream: `participant:${id}`,
        seq: '1',
        prevHash: null,
      }),
    ]);
    const user = await createUser(t);
    await t.gql(
      'mutation($input: AddDelegationMemberInput!) { addDelegationMember(input: $input) { role } }',
      { input: { participantId: id, userId: user.id, role: 'DELEGATE' } },
      w.secretariat.token,
    );
    const [latest, previous] = (await t.gql(EVENTS, { entityId: id }, w.secretariat.token)).data!
      .auditEvents;
    expect(latest).toMatchObject({ action: 'delegation.memberAdded', stream: `participant:${id}` });
    expect(latest.seq).toBe('2');
    expect(latest.prevHash).toBe(previous.hash);
  });

  it('records the delegation an actor acted for', async () => {
    const user = await createUser(t);
    await t.gql(
      'mutation($input: AddDelegationMemberInput!) { addDelegationMember(input: $input) { role } }',
      { input: { participantId: w.stateA.id, userId: user.id, role: 'OBSERVER' } },
      w.headA.token,
    );
    const rows = await t.dataSource.query(
      `SELECT "participantId", "actorId" FROM audit_events WHERE action = 'delegation.memberAdded' AND details->>'userId' = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ participantId: w.stateA.id, actorId: w.headA.id }]);
  });

  it('writes nothing when the mutation is refused', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events');
    await t.gql(
      'mutation { createParticipant(input: { kind: STATE, name: "Nowhere", countryCode: "QQ" }) { id } }',
      {},
      w.secretariat.token,
    );
    await t.gql(
      'mutation { createParticipant(input: { kind: COMPANY, name: "Sneaky" }) { id } }',
      {},
      w.delegateA.token,
    );
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events')).toEqual(before);
  });

  it('pages newest first with an `after` cursor', async () => {
    const first = (await t.gql(EVENTS, { first: 3 }, w.admin.token)).data!.auditEvents;
    const next = (await t.gql(EVENTS, { first: 3, after: first[2].id }, w.admin.token)).data!
      .auditEvents;
    const ids = [...first, ...next].map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(6);
  });

  it.each(['headA', 'delegateA', 'observerA', 'outsider'] as const)(
    'is hidden from %s',
    async (who) => {
      expect((await t.gql(EVENTS, {}, w[who].token)).errors![0].extensions.code).toBe('FORBIDDEN');
      expect((await t.gql(VERIFY, {}, w[who].token)).errors![0].extensions.code).toBe('FORBIDDEN');
    },
  );

  it('is hidden from the public', async () => {
    expect((await t.gql(EVENTS)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('verifies the whole chain, and detects a tampered row', async () => {
    const ok = (await t.gql(VERIFY, {}, w.secretariat.token)).data!.verifyAuditChain;
    expect(ok).toMatchObject({ ok: true, firstBrokenId: null });
    expect(ok.checked).toBeGreaterThan(10);

    // The table refuses updates from the application; an attacker with database rights must
    // first switch the guard off, and the chain still gives them away.
    await expect(
      t.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE id = 3`),
    ).rejects.toThrow(/append-only/);
    await t.dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await t.dataSource.query(`UPDATE audit_events SET details = '{"tampered": true}' WHERE id = 3`);
    await t.dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');

    const broken = (await t.gql(VERIFY, {}, w.secretariat.token)).data!.verifyAuditChain;
    expect(broken).toEqual({ ok: false, checked: 3, firstBrokenId: '3' });
  });
});
