import { DocumentStatus, ParticipantKind } from '@accord/common';
import { Action, can, PolicyResources } from './policy';
import { ACTOR_NAMES, ACTORS, ActorName, allowedOnly, COMPANY, OTHER, OWN } from './testing/actors';

interface Row<A extends Action> {
  name: string;
  action: A;
  resource: PolicyResources[A];
  allowed: Record<ActorName, boolean>;
}

const STATE_ONLY = [ParticipantKind.STATE];
const STATES_AND_COMPANIES = [ParticipantKind.STATE, ParticipantKind.COMPANY];
const ADOPTED_LIKE = [DocumentStatus.ADOPTED, DocumentStatus.OPEN_FOR_SIGNATURE];
const BEFORE_ADOPTION = [DocumentStatus.DRAFT, DocumentStatus.NEGOTIATION];

const on = (
  status: DocumentStatus,
  participantId: string,
  participantKind: ParticipantKind,
  eligibleKinds: ParticipantKind[],
) => ({ status, participantId, participantKind, eligibleKinds });

/** Every status × own/other/company participant × eligible or not. */
const ROWS: Row<Action>[] = Object.values(DocumentStatus).flatMap((status): Row<Action>[] => {
  const negotiation = status === DocumentStatus.NEGOTIATION;
  const adopted = ADOPTED_LIKE.includes(status);
  const staffIf = (yes: boolean) => (yes ? allowedOnly('admin', 'secretariat') : allowedOnly());
  return [
    {
      name: `start silence, ${status}`,
      action: 'silence.start',
      resource: { status, eligibleKinds: STATE_ONLY },
      allowed: staffIf(negotiation),
    },
    {
      name: `cancel silence, ${status}`,
      action: 'silence.cancel',
      resource: { status, eligibleKinds: STATE_ONLY },
      allowed: staffIf(negotiation),
    },
    {
      name: `break silence for own state, ${status}`,
      action: 'silence.break',
      resource: on(status, OWN, ParticipantKind.STATE, STATE_ONLY),
      allowed: negotiation ? allowedOnly('headOwn') : allowedOnly(),
    },
    {
      name: `break silence for the other state, ${status}`,
      action: 'silence.break',
      resource: on(status, OTHER, ParticipantKind.STATE, STATE_ONLY),
      allowed: negotiation ? allowedOnly('headOther') : allowedOnly(),
    },
    {
      name: `break silence for a company on a states-only text, ${status}`,
      action: 'silence.break',
      resource: on(status, COMPANY, ParticipantKind.COMPANY, STATE_ONLY),
      allowed: allowedOnly(),
    },
    {
      name: `make a statement for own state, ${status}`,
      action: 'statement.make',
      resource: on(status, OWN, ParticipantKind.STATE, STATE_ONLY),
      allowed: adopted ? allowedOnly('headOwn') : allowedOnly(),
    },
    {
      name: `make a statement for the other state, ${status}`,
      action: 'statement.make',
      resource: on(status, OTHER, ParticipantKind.STATE, STATE_ONLY),
      allowed: adopted ? allowedOnly('headOther') : allowedOnly(),
    },
    {
      name: `record a statement for own state, ${status}`,
      action: 'statement.record',
      resource: on(status, OWN, ParticipantKind.STATE, STATE_ONLY),
      allowed: staffIf(adopted),
    },
    {
      name: `record a statement for a company on a states-only text, ${status}`,
      action: 'statement.record',
      resource: on(status, COMPANY, ParticipantKind.COMPANY, STATE_ONLY),
      allowed: allowedOnly(),
    },
    {
      name: `record a statement for a company on a text open to companies, ${status}`,
      action: 'statement.record',
      resource: on(status, COMPANY, ParticipantKind.COMPANY, STATES_AND_COMPANIES),
      allowed: staffIf(adopted),
    },
    {
      name: `set whether reservations are admitted, ${status}`,
      action: 'document.setReservationsAllowed',
      resource: { status, eligibleKinds: STATE_ONLY },
      allowed: staffIf(BEFORE_ADOPTION.includes(status)),
    },
  ];
});

const OTHER_ROWS: Row<Action>[] = [
  {
    name: 'withdraw own state’s statement',
    action: 'statement.withdraw',
    resource: { participantId: OWN },
    allowed: allowedOnly('admin', 'secretariat', 'headOwn'),
  },
  {
    name: 'withdraw a company’s statement',
    action: 'statement.withdraw',
    resource: { participantId: COMPANY },
    allowed: allowedOnly('admin', 'secretariat'),
  },
  {
    name: 'see who made a statement',
    action: 'statement.readAuthor',
    resource: {},
    allowed: allowedOnly(...ACTOR_NAMES.filter((name) => name !== 'anonymous')),
  },
];

describe('silence procedure and statement permissions', () => {
  describe.each([...ROWS, ...OTHER_ROWS].map((r) => [r.name, r] as const))('%s', (_name, r) => {
    it.each(ACTOR_NAMES)('%s', (actorName) => {
      expect(can(ACTORS[actorName], r.action, r.resource)).toBe(r.allowed[actorName]);
    });
  });

  it('covers every silence and statement action', () => {
    const covered = new Set([...ROWS, ...OTHER_ROWS].map((r) => r.action));
    expect([...covered].sort()).toEqual(
      [
        'document.setReservationsAllowed',
        'silence.break',
        'silence.cancel',
        'silence.start',
        'statement.make',
        'statement.readAuthor',
        'statement.record',
        'statement.withdraw',
      ].sort(),
    );
  });
});
