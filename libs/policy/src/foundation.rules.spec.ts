import { DelegationRole, PlatformRole } from '@accord/common';
import { Action, can, PolicyResources } from './policy';
import { mustEnrolSecondFactor } from './roles';
import { ACTOR_NAMES, ACTORS, ActorName, allowedOnly, OTHER, OWN } from './testing/actors';

interface Row<A extends Action> {
  action: A;
  resource: PolicyResources[A];
  allowed: Record<ActorName, boolean>;
}

const row = <A extends Action>(
  action: A,
  resource: PolicyResources[A],
  allowed: Record<ActorName, boolean>,
): Row<A> => ({
  action,
  resource,
  allowed,
});

/** The whole matrix for users, participants, delegations and audit: every caller, every action. */
const MATRIX: Row<Action>[] = [
  row('user.create', { platformRole: PlatformRole.NONE }, allowedOnly('admin', 'secretariat')),
  row('user.create', { platformRole: PlatformRole.SECRETARIAT }, allowedOnly('admin')),
  row('user.create', { platformRole: PlatformRole.ADMIN }, allowedOnly('admin')),
  row('user.list', {}, allowedOnly('admin', 'secretariat')),
  row('user.disable', { userId: 'someone' }, allowedOnly('admin')),
  row('user.disable', { userId: 'admin' }, allowedOnly()),
  row('user.setRole', { userId: 'someone' }, allowedOnly('admin')),
  row(
    'user.issuePasswordReset',
    { platformRole: PlatformRole.NONE },
    allowedOnly('admin', 'secretariat'),
  ),
  row('user.issuePasswordReset', { platformRole: PlatformRole.SECRETARIAT }, allowedOnly('admin')),
  row('user.issuePasswordReset', { platformRole: PlatformRole.ADMIN }, allowedOnly('admin')),
  row('user.resetSecondFactor', { userId: 'someone' }, allowedOnly('admin')),
  row('user.resetSecondFactor', { userId: 'admin' }, allowedOnly()),
  row('participant.create', {}, allowedOnly('admin', 'secretariat')),
  row(
    'participant.readMembers',
    { participantId: OWN },
    allowedOnly('admin', 'secretariat', 'headOwn', 'delegateOwn', 'observerOwn'),
  ),
  row(
    'participant.readMembers',
    { participantId: OTHER },
    allowedOnly('admin', 'secretariat', 'headOther', 'delegateOther'),
  ),
  row(
    'delegation.manageMember',
    { participantId: OWN, role: DelegationRole.DELEGATE },
    allowedOnly('admin', 'secretariat', 'headOwn'),
  ),
  row(
    'delegation.manageMember',
    { participantId: OWN, role: DelegationRole.OBSERVER },
    allowedOnly('admin', 'secretariat', 'headOwn'),
  ),
  row(
    'delegation.manageMember',
    { participantId: OWN, role: DelegationRole.HEAD_OF_DELEGATION },
    allowedOnly('admin', 'secretariat'),
  ),
  row(
    'delegation.manageMember',
    { participantId: OTHER, role: DelegationRole.DELEGATE },
    allowedOnly('admin', 'secretariat', 'headOther'),
  ),
  row('audit.read', {}, allowedOnly('admin', 'secretariat')),
];

describe('foundation permissions', () => {
  describe.each(MATRIX.map((r) => [`${r.action} ${JSON.stringify(r.resource)}`, r] as const))(
    '%s',
    (_name, r) => {
      it.each(ACTOR_NAMES)('%s', (actorName) => {
        expect(can(ACTORS[actorName], r.action, r.resource)).toBe(r.allowed[actorName]);
      });
    },
  );
});

describe(mustEnrolSecondFactor.name, () => {
  it.each(ACTOR_NAMES)('%s without a second factor', (actorName) => {
    const actor = ACTORS[actorName];
    const staff = actorName === 'admin' || actorName === 'secretariat';
    expect(mustEnrolSecondFactor(actor, true)).toBe(staff);
    expect(mustEnrolSecondFactor(actor, false)).toBe(false);
    expect(mustEnrolSecondFactor(actor && { ...actor, mfaEnabled: true }, true)).toBe(false);
  });
});
