import { Actor, DelegationRole, ParticipantKind, PlatformRole } from '@accord/common';

/** The callers every matrix spec walks through: each platform role, each delegation role of two participants. */
export const OWN = 'participant-own';
export const OTHER = 'participant-other';
export const COMPANY = 'participant-company';

function actor(
  id: string,
  platformRole: PlatformRole,
  membership: Actor['membership'] = null,
): Actor {
  return { id, email: `${id}@test.example`, displayName: id, platformRole, membership };
}

const member = (
  id: string,
  role: DelegationRole,
  participantId = OWN,
  participantKind = ParticipantKind.STATE,
) => actor(id, PlatformRole.NONE, { participantId, participantKind, role });

export const ACTORS = {
  anonymous: null,
  admin: actor('admin', PlatformRole.ADMIN),
  secretariat: actor('secretariat', PlatformRole.SECRETARIAT),
  headOwn: member('head-own', DelegationRole.HEAD_OF_DELEGATION),
  delegateOwn: member('delegate-own', DelegationRole.DELEGATE),
  observerOwn: member('observer-own', DelegationRole.OBSERVER),
  headOther: member('head-other', DelegationRole.HEAD_OF_DELEGATION, OTHER),
  delegateOther: member('delegate-other', DelegationRole.DELEGATE, OTHER),
  companyDelegate: member(
    'company-delegate',
    DelegationRole.DELEGATE,
    COMPANY,
    ParticipantKind.COMPANY,
  ),
  noDelegation: actor('no-delegation', PlatformRole.NONE),
} satisfies Record<string, Actor | null>;

export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** Builds an expectation row: who is allowed; everyone else is refused. */
export function allowedOnly(...allowed: ActorName[]): Record<ActorName, boolean> {
  return Object.fromEntries(ACTOR_NAMES.map((name) => [name, allowed.includes(name)])) as Record<
    ActorName,
    boolean
  >;
}
