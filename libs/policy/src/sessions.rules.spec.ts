import { can } from './policy';
import { ACTOR_NAMES, ACTORS } from './testing/actors';

describe('session rules', () => {
  // Sessions are looked up by the caller's own id: any signed-in caller manages only their own.
  for (const action of ['session.list', 'session.revoke', 'session.logout'] as const) {
    for (const name of ACTOR_NAMES) {
      const expected = name !== 'anonymous';
      it(`${name} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can(ACTORS[name], action, {})).toBe(expected);
      });
    }
  }
});
