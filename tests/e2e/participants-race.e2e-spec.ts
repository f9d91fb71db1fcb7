import { createTestApp, TestApp } from '../support/test-app';
import { createUser, createWorld, World } from '../support/factories';

const ADD = `mutation($input: AddDelegationMemberInput!) {
  addDelegationMember(input: $input) { role user { id } }
}`;
const ROLES = ['DELEGATE', 'OBSERVER', 'HEAD_OF_DELEGATION'];

describe('adding one user to a delegation from many requests at once', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('lets exactly one of 20 parallel requests through; the others get CONFLICT and leave no audit event', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await createUser(t);
      const inputs = Array.from({ length: 20 }, (_, i) => ({
        participantId: i % 2 ? w.stateA.id : w.stateB.id,
        userId: user.id,
        role: ROLES[i % ROLES.length],
      }));
      const results = await Promise.all(
        inputs.map((input) => t.gql(ADD, { input }, w.secretariat.token)),
      );

      const winners = results.flatMap((r, i) => (r.data?.addDelegationMember ? [inputs[i]] : []));
      expect(winners).toHaveLength(1);
      for (const r of results.filter((r) => r.errors))
        expect(r.errors!.map((e) => e.extensions.code)).toEqual(['CONFLICT']);

      const [winner] = winners;
      const memberships = await t.dataSource.query(
        `SELECT "participantId", role FROM delegation_memberships WHERE "userId" = $1`,
        [user.id],
      );
      expect(memberships).toEqual([{ participantId: winner.participantId, role: winner.role }]);
      const events = await t.dataSource.query(
        `SELECT "entityId", details FROM audit_events WHERE action = 'delegation.memberAdded' AND details->>'userId' = $1`,
        [user.id],
      );
      expect(events).toEqual([
        { entityId: winner.participantId, details: { userId: user.id, role: winner.role } },
      ]);
    }
  });
});
