import {
  Actor,
  DelegationRole,
  DocumentStatus,
  ParticipantKind,
  PlatformRole,
} from '@accord/common';
import { DocumentRef } from './drafting.rules';
import { Action, can, PolicyResources } from './policy';

const OWN = 'participant-own';
const OTHER = 'participant-other';
const COMPANY = 'participant-company';

function member(id: string, participantId: string, kind: ParticipantKind, role: DelegationRole) {
  return {
    id,
    email: `${id}@test.example`,
    displayName: id,
    platformRole: PlatformRole.NONE,
    membership: { participantId, participantKind: kind, role },
  } satisfies Actor;
}

function staff(id: string, platformRole: PlatformRole): Actor {
  return { id, email: `${id}@test.example`, displayName: id, platformRole, membership: null };
}

/** Every kind of caller: staff, two state delegations (own and other), a company, nobody. */
const ACTORS = {
  admin: staff('admin', PlatformRole.ADMIN),
  secretariat: staff('secretariat', PlatformRole.SECRETARIAT),
  headOwn: member('headOwn', OWN, ParticipantKind.STATE, DelegationRole.HEAD_OF_DELEGATION),
  delegateOwn: member('delegateOwn', OWN, ParticipantKind.STATE, DelegationRole.DELEGATE),
  observerOwn: member('observerOwn', OWN, ParticipantKind.STATE, DelegationRole.OBSERVER),
  headOther: member('headOther', OTHER, ParticipantKind.STATE, DelegationRole.HEAD_OF_DELEGATION),
  delegateOther: member('delegateOther', OTHER, ParticipantKind.STATE, DelegationRole.DELEGATE),
  observerOther: member('observerOther', OTHER, ParticipantKind.STATE, DelegationRole.OBSERVER),
  companyHead: member(
    'companyHead',
    COMPANY,
    ParticipantKind.COMPANY,
    DelegationRole.HEAD_OF_DELEGATION,
  ),
  companyDelegate: member(
    'companyDelegate',
    COMPANY,
    ParticipantKind.COMPANY,
    DelegationRole.DELEGATE,
  ),
  outsider: { ...staff('outsider', PlatformRole.NONE) },
  anonymous: null,
} satisfies Record<string, Actor | null>;

type ActorName = keyof typeof ACTORS;
const ALL = Object.keys(ACTORS) as ActorName[];
const STAFF: ActorName[] = ['admin', 'secretariat'];
const STATE_MEMBERS: ActorName[] = [
  'headOwn',
  'delegateOwn',
  'observerOwn',
  'headOther',
  'delegateOther',
  'observerOther',
];
const STATE_WRITERS: ActorName[] = ['headOwn', 'delegateOwn', 'headOther', 'delegateOther'];
const COMPANY_MEMBERS: ActorName[] = ['companyHead', 'companyDelegate'];
const STATUSES = Object.values(DocumentStatus);
const { DRAFT, NEGOTIATION } = DocumentStatus;

type ByStatus = Record<DocumentStatus, ActorName[]>;
const only = (statuses: DocumentStatus[], allowed: ActorName[]): ByStatus =>
  Object.fromEntries(STATUSES.map((s) => [s, statuses.includes(s) ? allowed : []])) as ByStatus;
const always = (allowed: ActorName[]): ByStatus => only(STATUSES, allowed);
/** One set of callers while the text is worked on, another once it is adopted. */
const draftThenAdopted = (draft: ActorName[], adopted: ActorName[]): ByStatus =>
  Object.fromEntries(
    STATUSES.map((s) => [s, s === DRAFT || s === NEGOTIATION ? draft : adopted]),
  ) as ByStatus;

interface Row {
  action: Action;
  /** What the resource holds besides status and eligibleKinds. */
  extra?: Record<string, string>;
  eligibleKinds?: ParticipantKind[];
  allowed: ByStatus;
  why: string;
}

const STATES_ONLY = [ParticipantKind.STATE];
const STATES_AND_COMPANIES = [ParticipantKind.STATE, ParticipantKind.COMPANY];

/** Role × own/other delegation × document status × action: who may, everyone else may not. */
const MATRIX: Row[] = [
  {
    action: 'document.read',
    allowed: draftThenAdopted([...STAFF, ...STATE_MEMBERS], ALL),
    why: 'drafts to the secretariat and eligible members; the adopted text to everyone',
  },
  {
    action: 'document.read',
    eligibleKinds: STATES_AND_COMPANIES,
    allowed: draftThenAdopted([...STAFF, ...STATE_MEMBERS, ...COMPANY_MEMBERS], ALL),
    why: 'a company reads a draft open to companies',
  },
  {
    action: 'document.readHistory',
    allowed: always([...STAFF, ...STATE_MEMBERS]),
    why: 'the negotiation record stays with those who could see the draft',
  },
  {
    action: 'document.create',
    allowed: always(STAFF),
    why: 'the secretariat creates documents',
  },
  {
    action: 'document.transition',
    allowed: always(STAFF),
    why: 'only the secretariat moves a document through its lifecycle (the step itself is checked by the service)',
  },
  {
    action: 'clause.edit',
    allowed: only([DRAFT], [...STAFF, ...STATE_WRITERS]),
    why: 'direct edits in DRAFT by the pen holder and eligible heads and delegates; never observers',
  },
  {
    action: 'clause.edit',
    eligibleKinds: STATES_AND_COMPANIES,
    allowed: only([DRAFT], [...STAFF, ...STATE_WRITERS, ...COMPANY_MEMBERS]),
    why: 'companies edit a draft open to companies',
  },
  {
    action: 'document.setLanguages',
    allowed: only([DRAFT, NEGOTIATION], STAFF),
    why: 'the secretariat declares the authentic languages while the text is worked on',
  },
  {
    action: 'document.editTitle',
    allowed: only([DRAFT], [...STAFF, ...STATE_WRITERS]),
    why: 'the title in the language of negotiation is edited directly, like a clause, in DRAFT',
  },
  {
    action: 'translation.edit',
    allowed: {
      ...only([DRAFT], [...STAFF, ...STATE_WRITERS]),
      [NEGOTIATION]: STAFF,
    },
    why: 'translations by eligible heads and delegates in DRAFT, by the secretariat until adoption',
  },
  {
    action: 'translation.edit',
    eligibleKinds: STATES_AND_COMPANIES,
    allowed: {
      ...only([DRAFT], [...STAFF, ...STATE_WRITERS, ...COMPANY_MEMBERS]),
      [NEGOTIATION]: STAFF,
    },
    why: 'companies translate a draft open to companies',
  },
  {
    action: 'amendment.propose',
    allowed: only([NEGOTIATION], STATE_WRITERS),
    why: 'in NEGOTIATION the text changes only through delegations’ amendments',
  },
  {
    action: 'amendment.cosponsor',
    extra: { proposerId: OWN },
    allowed: only([NEGOTIATION], ['headOther', 'delegateOther']),
    why: 'another eligible participant co-sponsors, never the proposer itself',
  },
  {
    action: 'amendment.cosponsor',
    extra: { proposerId: OWN },
    eligibleKinds: STATES_AND_COMPANIES,
    allowed: only([NEGOTIATION], ['headOther', 'delegateOther', ...COMPANY_MEMBERS]),
    why: 'a company co-sponsors on a text open to companies',
  },
  {
    action: 'amendment.withdraw',
    extra: { proposerId: OWN },
    allowed: only([NEGOTIATION], ['headOwn', 'delegateOwn']),
    why: 'the proposing delegation withdraws its own amendment',
  },
  {
    action: 'amendment.rebase',
    extra: { proposerId: OWN },
    allowed: only([NEGOTIATION], ['headOwn', 'delegateOwn']),
    why: 'the proposing delegation re-bases its own amendment',
  },
  {
    action: 'amendment.decide',
    allowed: only([NEGOTIATION], STAFF),
    why: 'the secretariat accepts or rejects',
  },
  {
    action: 'comment.add',
    allowed: only([DRAFT, NEGOTIATION], [...STAFF, ...STATE_WRITERS]),
    why: 'comments while the text is worked on; observers only read',
  },
  {
    action: 'comment.resolve',
    extra: { authorId: 'delegateOwn' },
    allowed: only([DRAFT, NEGOTIATION], [...STAFF, 'delegateOwn']),
    why: 'the author or the secretariat resolves a comment',
  },
  {
    action: 'comment.resolve',
    extra: { authorId: 'headOther' },
    allowed: only([DRAFT, NEGOTIATION], [...STAFF, 'headOther']),
    why: 'another delegation’s author resolves its own comment',
  },
];

const CASES = MATRIX.flatMap((row) =>
  STATUSES.flatMap((status) =>
    ALL.map((actorName) => ({
      row,
      status,
      actorName,
      expected: row.allowed[status].includes(actorName),
    })),
  ),
);

describe('drafting rules', () => {
  it.each(CASES)(
    '$row.action on a $status document ($row.why): $actorName → $expected',
    ({ row, status, actorName, expected }) => {
      const resource: DocumentRef & Record<string, unknown> = {
        status,
        eligibleKinds: row.eligibleKinds ?? STATES_ONLY,
        ...row.extra,
      };
      expect(
        can(ACTORS[actorName], row.action, resource as unknown as PolicyResources[Action]),
      ).toBe(expected);
    },
  );

  it('covers every drafting action', () => {
    const covered = new Set(MATRIX.map((row) => row.action));
    const drafting = [
      'document.read',
      'document.readHistory',
      'document.create',
      'document.transition',
      'clause.edit',
      'document.setLanguages',
      'document.editTitle',
      'translation.edit',
      'amendment.propose',
      'amendment.cosponsor',
      'amendment.withdraw',
      'amendment.rebase',
      'amendment.decide',
      'comment.add',
      'comment.resolve',
    ] satisfies Action[];
    expect([...covered].sort()).toEqual([...drafting].sort());
  });
});
