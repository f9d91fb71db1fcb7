/**
 * The reads compared, as each server is asked for them, and how each answer is brought to one
 * canonical form (sets of ids and key fields) so that the bench can check that the three return
 * the same data before it measures anything.
 */
import type { BenchData } from './data';
import { SIZES } from './data';
import type { ServerName } from './servers';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReadScenario {
  key: string;
  title: string;
  requests: Record<ServerName, HttpRequest>;
  /** Answer (parsed JSON) → canonical form; throws on a GraphQL error. */
  normalise: Record<ServerName, (answer: any) => unknown>;
  /** What the canonical form must hold, so that three empty answers cannot pass as equal. */
  expect: (canonical: any) => string | null;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const iso = (value: string) => new Date(value).toISOString();

function graphql(query: string, variables: Record<string, unknown>, token?: string): HttpRequest {
  return {
    method: 'POST',
    path: '/graphql',
    headers: token ? { ...JSON_HEADERS, authorization: `Bearer ${token}` } : JSON_HEADERS,
    body: JSON.stringify({ query, variables }),
  };
}

function data(answer: any, field: string): any {
  if (answer?.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  const value = answer?.data?.[field];
  if (value === undefined || value === null) throw new Error(`no data.${field} in the answer`);
  return value;
}

function get(path: string): HttpRequest {
  return { method: 'GET', path, headers: {} };
}

// --- public signatories of an adopted text ---------------------------------------------------

const SIGNATORIES_ACCORD = `query Signatories($slug: String!) {
  document(slug: $slug) { id title status adoptedHash
    signatures { id signedAt participant { id name kind countryCode } } } }`;
const SIGNATORIES_PG = `query Signatories($slug: String!) {
  documentBySlug(slug: $slug) { rowId title status adoptedHash
    signaturesByDocumentId(orderBy: [SIGNED_AT_ASC]) { nodes { rowId signedAt
      participantByParticipantId { rowId name kind countryCode } } } } }`;

function signatories(d: {
  id: string;
  title: string;
  status: string;
  adoptedHash: string;
  signatures: { id: string; signedAt: string; participant: any }[];
}) {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    adoptedHash: d.adoptedHash,
    signatures: byId(d.signatures).map((s) => ({
      id: s.id,
      signedAt: iso(s.signedAt),
      participant: {
        id: s.participant.id,
        name: s.participant.name,
        kind: s.participant.kind,
        countryCode: s.participant.countryCode,
      },
    })),
  };
}

// --- a draft read whole by a delegate ---------------------------------------------------------

const DRAFT_ACCORD = `query Draft($slug: String!) {
  document(slug: $slug) { id slug title status version
    clauses { id position kind text version
      amendments { id kind text rationale status createdAt
        proposer { id name } cosponsors { id name } }
      comments { id body createdAt resolved author { id displayName } } } } }`;
const DRAFT_PG = `query Draft($slug: String!) {
  documentBySlug(slug: $slug) { rowId slug title status currentVersion
    clausesByDocumentId(orderBy: [POSITION_ASC]) { nodes { rowId position kind text version
      amendmentsByClauseId { nodes { rowId kind text rationale status createdAt
        participantByProposerId { rowId name }
        amendmentCosponsorsByAmendmentId { nodes { participantByParticipantId { rowId name } } } } }
      commentsByClauseId(condition: { parentId: null }) { nodes { rowId body createdAt resolved
        userByAuthorId { rowId displayName } } } } } } }`;

interface DraftShape {
  id: string;
  title: string;
  status: string;
  version: number;
  clauses: {
    id: string;
    position: number;
    kind: string;
    text: string;
    version: number;
    amendments: {
      id: string;
      kind: string;
      text: string;
      rationale: string;
      status: string;
      proposer: { id: string };
      cosponsors: { id: string }[];
    }[];
    comments: {
      id: string;
      body: string;
      resolved: boolean;
      author: { id: string; displayName: string };
    }[];
  }[];
}

function draft(d: DraftShape) {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    version: d.version,
    clauses: byId(d.clauses).map((c) => ({
      id: c.id,
      position: c.position,
      kind: c.kind,
      text: c.text,
      version: c.version,
      amendments: byId(c.amendments).map((a) => ({
        id: a.id,
        kind: a.kind,
        text: a.text,
        rationale: a.rationale,
        status: a.status,
        proposer: a.proposer.id,
        cosponsors: a.cosponsors.map((p) => p.id).sort(),
      })),
      comments: byId(c.comments).map((m) => ({
        id: m.id,
        body: m.body,
        resolved: m.resolved,
        author: m.author.id,
        authorName: m.author.displayName,
      })),
    })),
  };
}

function draftFromPostGraphile(d: any): DraftShape {
  return {
    id: d.rowId,
    title: d.title,
    status: d.status,
    version: d.currentVersion,
    clauses: d.clausesByDocumentId.nodes.map((c: any) => ({
      id: c.rowId,
      position: c.position,
      kind: c.kind,
      text: c.text,
      version: c.version,
      amendments: c.amendmentsByClauseId.nodes.map((a: any) => ({
        id: a.rowId,
        kind: a.kind,
        text: a.text,
        rationale: a.rationale,
        status: a.status,
        proposer: { id: a.participantByProposerId.rowId },
        cosponsors: a.amendmentCosponsorsByAmendmentId.nodes.map((n: any) => ({
          id: n.participantByParticipantId.rowId,
        })),
      })),
      comments: c.commentsByClauseId.nodes.map((m: any) => ({
        id: m.rowId,
        body: m.body,
        resolved: m.resolved,
        author: { id: m.userByAuthorId.rowId, displayName: m.userByAuthorId.displayName },
      })),
    })),
  };
}

// --- a participants page of 50 with members, read by the secretariat ------------------------

const PARTICIPANTS_ACCORD = `query Participants($first: Int!) {
  participants(first: $first) { edges { node { id name kind countryCode
    members { role user { id displayName email } } } } } }`;
const PARTICIPANTS_PG = `query Participants($first: Int!) {
  allParticipants(first: $first, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name kind countryCode
    delegationMembershipsByParticipantId { nodes { role userByUserId { rowId displayName email } } } } } }`;

interface ParticipantShape {
  id: string;
  name: string;
  kind: string;
  countryCode: string | null;
  members: { role: string; user: { id: string; displayName: string; email: string } }[];
}

/** The page's order is part of the answer: kept as is. */
function participantsPage(list: ParticipantShape[]) {
  return list.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    countryCode: p.countryCode,
    members: p.members
      .map((m) => ({
        role: m.role,
        user: m.user.id,
        displayName: m.user.displayName,
        email: m.user.email,
      }))
      .sort((a, b) => (a.user < b.user ? -1 : 1)),
  }));
}

// --- me ----------------------------------------------------------------------------------------

const ME_ACCORD = `{ me { id email displayName platformRole delegation { role participant { id name } } } }`;
const ME_PG = `query Me($id: UUID!) { userByRowId(rowId: $id) { rowId email displayName platformRole
  delegationMembershipByUserId { role participantByParticipantId { rowId name } } } }`;

function me(u: {
  id: string;
  email: string;
  displayName: string;
  platformRole: string;
  delegation: any;
}) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    platformRole: u.platformRole,
    role: u.delegation?.role ?? null,
    participant: u.delegation?.participant.id ?? null,
  };
}

export function readScenarios(
  d: BenchData,
  tokens: { reader: string; secretariat: string },
): ReadScenario[] {
  const expectCount = (label: string, actual: number, wanted: number) =>
    actual === wanted ? null : `${label}: ${actual}, expected ${wanted}`;
  return [
    {
      key: 'signatories',
      title: `public signatories of a text with ${SIZES.signatures} signatures`,
      requests: {
        Accord: graphql(SIGNATORIES_ACCORD, { slug: d.adoptedSlug }),
        PostGraphile: graphql(SIGNATORIES_PG, { slug: d.adoptedSlug }),
        'raw SQL': get(`/signatories?slug=${d.adoptedSlug}`),
      },
      normalise: {
        Accord: (a) => signatories(data(a, 'document')),
        PostGraphile: (a) => {
          const doc = data(a, 'documentBySlug');
          return signatories({
            id: doc.rowId,
            title: doc.title,
            status: doc.status,
            adoptedHash: doc.adoptedHash,
            signatures: doc.signaturesByDocumentId.nodes.map((s: any) => ({
              id: s.rowId,
              signedAt: s.signedAt,
              participant: {
                ...s.participantByParticipantId,
                id: s.participantByParticipantId.rowId,
              },
            })),
          });
        },
        'raw SQL': (a) => signatories(a),
      },
      expect: (c) => expectCount('signatures', c.signatures.length, SIZES.signatures),
    },
    {
      key: 'draft',
      title: `a draft read whole by a delegate: ${SIZES.draftClauses} clauses, ${SIZES.amendments} amendments with ${SIZES.cosponsorsPerAmendment} co-sponsors each, ${SIZES.comments} comments`,
      requests: {
        Accord: graphql(DRAFT_ACCORD, { slug: d.draftSlug }, tokens.reader),
        PostGraphile: graphql(DRAFT_PG, { slug: d.draftSlug }),
        'raw SQL': get(`/draft?slug=${d.draftSlug}`),
      },
      normalise: {
        Accord: (a) => draft(data(a, 'document')),
        PostGraphile: (a) => draft(draftFromPostGraphile(data(a, 'documentBySlug'))),
        'raw SQL': (a) => draft(a),
      },
      expect: (c) => {
        const amendments = c.clauses.flatMap((x: any) => x.amendments);
        return (
          expectCount('clauses', c.clauses.length, SIZES.draftClauses) ??
          expectCount('amendments', amendments.length, SIZES.amendments) ??
          expectCount(
            'co-sponsors',
            amendments.flatMap((a: any) => a.cosponsors).length,
            SIZES.amendments * SIZES.cosponsorsPerAmendment,
          ) ??
          expectCount('comments', c.clauses.flatMap((x: any) => x.comments).length, SIZES.comments)
        );
      },
    },
    {
      key: 'participants',
      title: `participants page of ${SIZES.page} with members, by the secretariat`,
      requests: {
        Accord: graphql(PARTICIPANTS_ACCORD, { first: SIZES.page }, tokens.secretariat),
        PostGraphile: graphql(PARTICIPANTS_PG, { first: SIZES.page }),
        'raw SQL': get(`/participants?first=${SIZES.page}`),
      },
      normalise: {
        Accord: (a) => participantsPage(data(a, 'participants').edges.map((e: any) => e.node)),
        PostGraphile: (a) =>
          participantsPage(
            data(a, 'allParticipants').nodes.map((p: any) => ({
              id: p.rowId,
              name: p.name,
              kind: p.kind,
              countryCode: p.countryCode,
              members: p.delegationMembershipsByParticipantId.nodes.map((m: any) => ({
                role: m.role,
                user: { ...m.userByUserId, id: m.userByUserId.rowId },
              })),
            })),
          ),
        'raw SQL': (a) => participantsPage(a.participants),
      },
      expect: (c) =>
        expectCount('participants', c.length, SIZES.page) ??
        expectCount('members', c.flatMap((p: any) => p.members).length, SIZES.page * 2),
    },
    {
      key: 'me',
      title: '`me` with the delegation (a delegate)',
      requests: {
        Accord: graphql(ME_ACCORD, {}, tokens.reader),
        PostGraphile: graphql(ME_PG, { id: d.reader.id }),
        'raw SQL': get(`/me?id=${d.reader.id}`),
      },
      normalise: {
        Accord: (a) => me(data(a, 'me')),
        PostGraphile: (a) => {
          const u = data(a, 'userByRowId');
          const m = u.delegationMembershipByUserId;
          return me({
            ...u,
            id: u.rowId,
            delegation: m && {
              role: m.role,
              participant: { id: m.participantByParticipantId.rowId },
            },
          });
        },
        'raw SQL': (a) => me(a),
      },
      expect: (c) =>
        c.id === d.reader.id && c.participant === d.reader.participantId ? null : 'wrong user',
    },
  ];
}
