/** Shared GraphQL operations and builders for the drafting e2e suites (tests/e2e/drafting-*). */
import { randomBytes } from 'node:crypto';
import { GraphQLResponse, TestApp } from '../support/test-app';

export const DOCUMENT_FIELDS = `id slug title kind status eligibleKinds version openBrackets bracketsBalanced adoptedAt adoptedHash adoptedVersion`;
export const CLAUSE_FIELDS = `id position number kind text version openBrackets bracketsBalanced`;
export const AMENDMENT_FIELDS = `id kind text clauseKind rationale status baseClauseVersion createdAt decidedAt decisionNote
  proposer { id } proposedBy { id } cosponsors { id } clause { id } document { id }`;

export const CREATE_DOCUMENT = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { ${DOCUMENT_FIELDS} } }`;
export const ADD_CLAUSE = `mutation($input: AddClauseInput!) { addClause(input: $input) { ${CLAUSE_FIELDS} } }`;
export const UPDATE_CLAUSE = `mutation($input: UpdateClauseInput!) { updateClause(input: $input) { ${CLAUSE_FIELDS} } }`;
export const DELETE_CLAUSE = `mutation($clauseId: ID!, $expectedVersion: Int!) {
  deleteClause(clauseId: $clauseId, expectedVersion: $expectedVersion) { ${DOCUMENT_FIELDS} clauses { ${CLAUSE_FIELDS} } }
}`;
export const DOCUMENT = `query($id: ID, $slug: String) {
  document(id: $id, slug: $slug) { ${DOCUMENT_FIELDS} clauses { ${CLAUSE_FIELDS} } }
}`;
export const PROPOSE = `mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { ${AMENDMENT_FIELDS} } }`;
export const COSPONSOR = `mutation($id: ID!) { cosponsorAmendment(amendmentId: $id) { ${AMENDMENT_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawAmendment(amendmentId: $id) { ${AMENDMENT_FIELDS} } }`;
export const REBASE = `mutation($id: ID!, $text: String) { rebaseAmendment(amendmentId: $id, text: $text) { ${AMENDMENT_FIELDS} } }`;
export const ACCEPT = `mutation($id: ID!, $note: String) { acceptAmendment(amendmentId: $id, note: $note) { ${AMENDMENT_FIELDS} } }`;
export const REJECT = `mutation($id: ID!, $note: String) { rejectAmendment(amendmentId: $id, note: $note) { ${AMENDMENT_FIELDS} } }`;
export const ADD_COMMENT = `mutation($clauseId: ID!, $body: String!, $parentId: ID) {
  addComment(clauseId: $clauseId, body: $body, parentId: $parentId) { id body resolved parentId author { id } participant { id } replies { id } }
}`;
export const RESOLVE_COMMENT = `mutation($id: ID!) { resolveComment(commentId: $id) { id resolved resolvedAt } }`;

export const TRANSITIONS = {
  NEGOTIATION: 'openNegotiation',
  ADOPTED: 'adoptDocument',
  OPEN_FOR_SIGNATURE: 'openForSignature',
  CLOSED: 'closeDocument',
} as const;
export type Transition = keyof typeof TRANSITIONS;

export const transition = (name: string) =>
  `mutation($id: ID!) { ${name}(documentId: $id) { ${DOCUMENT_FIELDS} } }`;

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

/** The extensions.code of the first error (undefined when the call succeeded). */
export function code(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

export interface DraftClause {
  kind?: 'HEADING' | 'PREAMBULAR' | 'OPERATIVE';
  text: string;
}

export interface Draft {
  id: string;
  slug: string;
  clauses: { id: string; version: number; number: string; text: string }[];
}

/** A document with clauses, created by `token` (the secretariat), in DRAFT. */
export async function createDraft(
  t: TestApp,
  token: string,
  options: { title?: string; eligibleKinds?: string[]; clauses?: DraftClause[] } = {},
): Promise<Draft> {
  const created = ok(
    await t.gql(
      CREATE_DOCUMENT,
      {
        input: {
          title: options.title ?? `Draft text ${randomBytes(4).toString('hex')}`,
          kind: 'STATEMENT',
          eligibleKinds: options.eligibleKinds ?? ['STATE'],
        },
      },
      token,
    ),
  ).createDocument;
  const clauses: Draft['clauses'] = [];
  for (const clause of options.clauses ?? [{ text: 'First operative paragraph.' }]) {
    const added = ok(
      await t.gql(
        ADD_CLAUSE,
        { input: { documentId: created.id, kind: clause.kind ?? 'OPERATIVE', text: clause.text } },
        token,
      ),
    ).addClause;
    clauses.push({ id: added.id, version: added.version, number: added.number, text: added.text });
  }
  return { id: created.id, slug: created.slug, clauses };
}

/** Moves a document forward step by step until it reaches `status`. */
export async function advanceTo(
  t: TestApp,
  token: string,
  documentId: string,
  status: Transition,
): Promise<void> {
  const order: Transition[] = ['NEGOTIATION', 'ADOPTED', 'OPEN_FOR_SIGNATURE', 'CLOSED'];
  const current = ok(await t.gql(DOCUMENT, { id: documentId }, token)).document.status as string;
  const start = current === 'DRAFT' ? 0 : order.indexOf(current as Transition) + 1;
  for (const step of order.slice(start, order.indexOf(status) + 1)) {
    ok(await t.gql(transition(TRANSITIONS[step]), { id: documentId }, token));
  }
}

/** A draft already in `status` (DRAFT when not given). */
export async function draftIn(
  t: TestApp,
  token: string,
  status: 'DRAFT' | Transition,
  options: Parameters<typeof createDraft>[2] = {},
): Promise<Draft> {
  const draft = await createDraft(t, token, options);
  if (status !== 'DRAFT') await advanceTo(t, token, draft.id, status);
  return draft;
}

/** How many audit events of each action exist for an entity (read straight from the table). */
export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  const rows: { action: string }[] = await t.dataSource.query(
    `SELECT action FROM audit_events WHERE "entityId" = $1 ORDER BY id`,
    [entityId],
  );
  return rows.map((row) => row.action);
}
