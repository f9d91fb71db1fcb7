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
const OPEN = DocumentStatus.OPEN_FOR_SIGNATURE;

const signing = (
  status: DocumentStatus,
  participantId: string,
  participantKind: ParticipantKind,
  eligibleKinds: ParticipantKind[],
) => ({ status, participantId, participantKind, eligibleKinds });

/** Every status × own/other/company participant × eligible or not, for signing and recording. */
const SIGNING_ROWS: Row<Action>[] = Object.values(DocumentStatus).flatMap((status) => {
  const open = status === OPEN;
  const when = (...names: ActorName[]) => (open ? allowedOnly(...names) : allowedOnly());
  return [
    {
      name: `sign for own state, ${status}`,
      action: 'signature.sign',
      resource: signing(status, OWN, ParticipantKind.STATE, STATE_ONLY),
      allowed: when('headOwn'),
    },
    {
      name: `sign for the other state, ${status}`,
      action: 'signature.sign',
      resource: signing(status, OTHER, ParticipantKind.STATE, STATE_ONLY),
      allowed: when('headOther'),
    },
    {
      name: `sign for a company on a states-only text, ${status}`,
      action: 'signature.sign',
      resource: signing(status, COMPANY, ParticipantKind.COMPANY, STATE_ONLY),
      allowed: allowedOnly(),
    },
    {
      // The company's only member in the matrix is a delegate: delegates never sign.
      name: `sign for a company on a text open to companies, ${status}`,
      action: 'signature.sign',
      resource: signing(status, COMPANY, ParticipantKind.COMPANY, STATES_AND_COMPANIES),
      allowed: allowedOnly(),
    },
    {
      name: `record for own state, ${status}`,
      action: 'signature.record',
      resource: signing(status, OWN, ParticipantKind.STATE, STATE_ONLY),
      allowed: when('admin', 'secretariat'),
    },
    {
      name: `record for a company on a states-only text, ${status}`,
      action: 'signature.record',
      resource: signing(status, COMPANY, ParticipantKind.COMPANY, STATE_ONLY),
      allowed: allowedOnly(),
    },
    {
      name: `record for a company on a text open to companies, ${status}`,
      action: 'signature.record',
      resource: signing(status, COMPANY, ParticipantKind.COMPANY, STATES_AND_COMPANIES),
      allowed: when('admin', 'secretariat'),
    },
  ];
});

const OTHER_ROWS: Row<Action>[] = [
  {
    name: 'withdraw own state’s signature',
    action: 'signature.withdraw',
    resource: { participantId: OWN },
    allowed: allowedOnly('admin', 'secretariat', 'headOwn'),
  },
  {
    name: 'withdraw the other state’s signature',
    action: 'signature.withdraw',
    resource: { participantId: OTHER },
    allowed: allowedOnly('admin', 'secretariat', 'headOther'),
  },
  {
    name: 'withdraw a company’s signature',
    action: 'signature.withdraw',
    resource: { participantId: COMPANY },
    allowed: allowedOnly('admin', 'secretariat'),
  },
  {
    name: 'see who signed or recorded a signature',
    action: 'signature.readSigner',
    resource: {},
    allowed: allowedOnly(...ACTOR_NAMES.filter((name) => name !== 'anonymous')),
  },
];

describe('signature permissions', () => {
  describe.each([...SIGNING_ROWS, ...OTHER_ROWS].map((r) => [r.name, r] as const))(
    '%s',
    (_name, r) => {
      it.each(ACTOR_NAMES)('%s', (actorName) => {
        expect(can(ACTORS[actorName], r.action, r.resource)).toBe(r.allowed[actorName]);
      });
    },
  );

  it('covers every signature action', () => {
    const covered = new Set([...SIGNING_ROWS, ...OTHER_ROWS].map((r) => r.action));
    expect([...covered].sort()).toEqual(
      ['signature.readSigner', 'signature.record', 'signature.sign', 'signature.withdraw'].sort(),
    );
  });
});
