import { Actor, AmendmentKind, ClauseKind, DocumentStatus, ParticipantKind } from '@accord/common';
import { AmendmentEntity, ClauseEntity } from '@accord/drafting';
import { CreateMeetingInput, MeetingsService } from '@accord/meetings';
import { SignatureEntity } from '@accord/signatures';
import { randomBytes } from 'node:crypto';
import { createDocumentInStatus, TestDocument } from './document-factory';
import { GraphQLResponse, TestApp } from './test-app';

/** A meeting made through the service (so hosts and audit are real), overridable field by field. */
export async function createTestMeeting(
  t: TestApp,
  staff: Actor,
  overrides: Partial<CreateMeetingInput> & { hostIds: string[] },
) {
  return t.get(MeetingsService).create(staff, {
    title: `Meeting ${randomBytes(3).toString('hex')}`,
    city: 'London',
    venue: 'Lancaster House',
    timezone: 'Europe/London',
    startsAt: new Date('2026-07-01T08:00:00Z'),
    endsAt: new Date('2026-07-01T16:00:00Z'),
    previousMeetingId: null,
    ...overrides,
  });
}

export interface OpenClause {
  text: string;
  /** PROPOSED amendments on the clause, by these proposers. */
  amendmentsBy?: string[];
  kind?: ClauseKind;
}

/**
 * A document in NEGOTIATION whose clauses carry open work: brackets in their text and
 * PROPOSED amendments, written as the drafting library stores them (test data only).
 */
export async function createDraftInNegotiation(
  t: TestApp,
  options: {
    eligibleKinds: ParticipantKind[];
    clauses: OpenClause[];
    /** The user recorded as proposing the amendments. */
    proposedById: string;
    title?: string;
  },
): Promise<TestDocument & { clauseIds: string[] }> {
  const document = await createDocumentInStatus(t, {
    status: DocumentStatus.NEGOTIATION,
    eligibleKinds: options.eligibleKinds,
    title: options.title,
    clauses: options.clauses.map((c) => ({ kind: c.kind ?? ClauseKind.OPERATIVE, text: c.text })),
  });
  const clauses = await t.dataSource
    .getRepository(ClauseEntity)
    .find({ where: { documentId: document.id }, order: { position: 'ASC' } });
  const amendments = options.clauses.flatMap((c, i) =>
    (c.amendmentsBy ?? []).map((proposerId) => ({
      documentId: document.id,
      clauseId: clauses[i].id,
      kind: AmendmentKind.REPLACE,
      text: `${c.text} (amended)`,
      rationale: 'Test data',
      proposerId,
      proposedById: options.proposedById,
      baseClauseVersion: clauses[i].version,
    })),
  );
  if (amendments.length) await t.dataSource.getRepository(AmendmentEntity).insert(amendments);
  return { ...document, clauseIds: clauses.map((c) => c.id) };
}

/** A document OPEN_FOR_SIGNATURE, with active signatures by these participants. */
export async function createOpenForSignature(
  t: TestApp,
  options: { eligibleKinds: ParticipantKind[]; signedBy?: string[]; title?: string },
): Promise<TestDocument> {
  const document = await createDocumentInStatus(t, {
    status: DocumentStatus.OPEN_FOR_SIGNATURE,
    eligibleKinds: options.eligibleKinds,
    title: options.title,
  });
  if (options.signedBy?.length) {
    await t.dataSource.getRepository(SignatureEntity).insert(
      options.signedBy.map((participantId) => ({
        documentId: document.id,
        participantId,
        signedAt: new Date('2026-01-15T12:00:00Z'),
        textHash: document.adoptedHash!,
      })),
    );
  }
  return document;
}

/** The data of a response that must have succeeded (fails the test with the errors otherwise). */
export function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** extensions.code and extensions.field of the first error. */
export const errorOf = (res: GraphQLResponse) => ({
  code: res.errors?.[0]?.extensions.code,
  field: res.errors?.[0]?.extensions.field,
});

export const MEETING_FIELDS = `id title city venue timezone startsAt endsAt status
  hosts { id name } previousMeeting { id } nextMeeting { id }`;

export const MEETING_OPS = {
  create: `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`,
  update: `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${MEETING_FIELDS} } }`,
  setStatus: `mutation($id: ID!, $status: MeetingStatus!) { setMeetingStatus(meetingId: $id, status: $status) { id status } }`,
  meeting: `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`,
  invite: `mutation($id: ID!, $ids: [ID!]!) { inviteParticipants(meetingId: $id, participantIds: $ids) { id invitations { participant { id } status } } }`,
  respond: `mutation($id: ID!, $accept: Boolean!) { respondToInvitation(meetingId: $id, accept: $accept) { status respondedAt participant { id } meeting { id } } }`,
  attendance: `mutation($id: ID!, $ids: [ID!]!) { recordAttendance(meetingId: $id, participantIds: $ids) { id invitations { participant { id } status } } }`,
  invitations: `query($id: ID!) { meeting(id: $id) { invitations { participant { id } status } } }`,
  addActionItem: `mutation($input: AddActionItemInput!) { addActionItem(input: $input) { id title status owner { id } raisedAt { id } dueAt { id } } }`,
  completeActionItem: `mutation($id: ID!) { completeActionItem(id: $id) { id status completedAt } }`,
  actionItems: `query($id: ID!) { meeting(id: $id) { actionItems { id title status owner { id } } } }`,
};
