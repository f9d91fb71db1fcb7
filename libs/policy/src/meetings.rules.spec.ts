import { Action, can, PolicyResources } from './policy';
import { ACTOR_NAMES, ACTORS, ActorName, allowedOnly, COMPANY, OTHER, OWN } from './testing/actors';

interface Row<A extends Action> {
  action: A;
  resource: PolicyResources[A];
  allowed: Record<ActorName, boolean>;
}

const row = <A extends Action>(
  action: A,
  resource: PolicyResources[A],
  allowed: Record<ActorName, boolean>,
): Row<A> => ({ action, resource, allowed });

const STAFF = ['admin', 'secretariat'] as const;
const OWN_MEMBERS = ['headOwn', 'delegateOwn', 'observerOwn'] as const;
const OTHER_MEMBERS = ['headOther', 'delegateOther'] as const;

/** Meetings, invitations, action items and agendas: every caller, own vs other delegation. */
const MATRIX: Row<Action>[] = [
  row('meeting.create', {}, allowedOnly(...STAFF)),
  row('meeting.update', {}, allowedOnly(...STAFF)),
  row('meeting.invite', {}, allowedOnly(...STAFF)),
  row('meeting.readInvitations', { invitedParticipantIds: [] }, allowedOnly(...STAFF)),
  row(
    'meeting.readInvitations',
    { invitedParticipantIds: [OWN] },
    allowedOnly(...STAFF, ...OWN_MEMBERS),
  ),
  row(
    'meeting.readInvitations',
    { invitedParticipantIds: [OTHER, COMPANY] },
    allowedOnly(...STAFF, ...OTHER_MEMBERS, 'companyDelegate'),
  ),
  row('invitation.respond', { participantId: OWN }, allowedOnly('headOwn')),
  row('invitation.respond', { participantId: OTHER }, allowedOnly('headOther')),
  row('invitation.respond', { participantId: null }, allowedOnly()),
  row('actionItem.add', {}, allowedOnly(...STAFF)),
  row(
    'actionItem.read',
    { ownerId: OWN, invitedParticipantIds: [] },
    allowedOnly(...STAFF, ...OWN_MEMBERS),
  ),
  row(
    'actionItem.read',
    { ownerId: null, invitedParticipantIds: [OTHER] },
    allowedOnly(...STAFF, ...OTHER_MEMBERS),
  ),
  row(
    'actionItem.read',
    { ownerId: OWN, invitedParticipantIds: [COMPANY] },
    allowedOnly(...STAFF, ...OWN_MEMBERS, 'companyDelegate'),
  ),
  row('actionItem.complete', { ownerId: OWN }, allowedOnly(...STAFF, 'headOwn')),
  row('actionItem.complete', { ownerId: OTHER }, allowedOnly(...STAFF, 'headOther')),
  row('actionItem.complete', { ownerId: null }, allowedOnly(...STAFF)),
  row('agenda.edit', {}, allowedOnly(...STAFF)),
  row('agenda.publish', {}, allowedOnly(...STAFF)),
  row('agenda.readUnpublished', {}, allowedOnly(...STAFF)),
  row(
    'agenda.readActionItems',
    { published: false, invitedParticipantIds: [] },
    allowedOnly(...STAFF),
  ),
  row(
    'agenda.readActionItems',
    { published: false, invitedParticipantIds: [OWN] },
    allowedOnly(...STAFF, ...OWN_MEMBERS),
  ),
  row(
    'agenda.readActionItems',
    { published: true, invitedParticipantIds: [] },
    Object.fromEntries(ACTOR_NAMES.map((name) => [name, true])) as Record<ActorName, boolean>,
  ),
];

describe('meeting permissions', () => {
  describe.each(MATRIX.map((r) => [`${r.action} ${JSON.stringify(r.resource)}`, r] as const))(
    '%s',
    (_name, r) => {
      it.each(ACTOR_NAMES)('%s', (actorName) => {
        expect(can(ACTORS[actorName], r.action, r.resource)).toBe(r.allowed[actorName]);
      });
    },
  );
});
