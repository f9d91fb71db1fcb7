import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ClauseKind, DocumentStatus, ParticipantKind } from '@accord/common';
import {
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeedService } from '../../apps/api/src/seed/seed.service';
import { createDocumentInStatus } from '../support/document-factory';
import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';

/** Object types nested this deep below a root field (the root's own type is level 1). */
const MAX_LEVELS = 5;

const PUBLIC_STATUSES: string[] = [
  DocumentStatus.ADOPTED,
  DocumentStatus.OPEN_FOR_SIGNATURE,
  DocumentStatus.CLOSED,
];

/** Types an anonymous caller must never receive, whatever the path. */
const NEVER_PUBLIC = [
  'User',
  'AuthPayload',
  'DelegationMember',
  'DelegationMembership',
  'Amendment',
  'Comment',
  'AuditEvent',
  'Invitation',
  'ActionItem',
];

/** One field of a selection: an alias for variants, its arguments, its sub-selection. */
interface Node {
  alias: string | null;
  name: string;
  args: string;
  children: Node[] | null;
}

const render = (nodes: Node[]): string =>
  nodes
    .map(
      (n) =>
        `${n.alias ? `${n.alias}: ` : ''}${n.name}${n.args}${
          n.children ? ` { __typename ${render(n.children)} }` : ''
        }`,
    )
    .join(' ');

/**
 * Every field reachable from `type`: scalars, and objects down to MAX_LEVELS without entering a
 * type twice on one path; a Boolean argument is also tried with its other value (e.g.
 * signatures(includeWithdrawn: true)).
 */
function selection(type: GraphQLObjectType, path: string[]): Node[] {
  const nodes: Node[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const target = getNamedType(field.type);
    const variants = [{ alias: null as string | null, args: '' }];
    for (const arg of field.args) {
      if (getNamedType(arg.type).name === 'Boolean') {
        variants.push({
          alias: `${field.name}_${arg.name}`,
          args: `(${arg.name}: ${!arg.defaultValue})`,
        });
      }
    }
    for (const variant of variants) {
      if (isLeafType(target)) {
        nodes.push({ ...variant, name: field.name, children: null });
      } else if (isObjectType(target) && path.length < MAX_LEVELS && !path.includes(target.name)) {
        const children = selection(target, [...path, target.name]);
        nodes.push({ ...variant, name: field.name, children });
      }
    }
  }
  return nodes;
}

/** Halves a selection that the server refused as too large: the widest list first, then deeper. */
function split(nodes: Node[]): [Node[], Node[]] | null {
  if (nodes.length > 1) {
    const half = Math.ceil(nodes.length / 2);
    return [nodes.slice(0, half), nodes.slice(half)];
  }
  const [only] = nodes;
  if (!only?.children) return null;
  const inner = split(only.children);
  if (!inner) return null;
  return [[{ ...only, children: inner[0] }], [{ ...only, children: inner[1] }]];
}

/** The public root fields, from the committed permission snapshot (the guard's declarations). */
function publicQueryFields(): string[] {
  const snapshot = readFileSync(
    join(__dirname, '__snapshots__', 'permissions.e2e-spec.ts.snap'),
    'utf8',
  );
  return [...snapshot.matchAll(/"Query\.(\w+)": "public"/g)].map((m) => m[1]);
}

/** An argument value as GraphQL source: strings quoted, enum values ({ enum }) bare. */
type ArgValue = string | number | { enum: string };
const literal = (value: ArgValue): string =>
  typeof value === 'object' ? value.enum : JSON.stringify(value);

/**
 * Walks the schema as the public: for every public root field, with arguments naming seeded
 * data (public and not), a query selecting every field reachable to a bounded depth, run
 * anonymously; then checks that nothing in the answers is about users, the negotiation record
 * or a document the public may not read.
 */
describe('public: every field reachable by an anonymous caller, on the demo data', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const answers: { query: string; body: GraphQLResponse }[] = [];
  const secrets = { emails: [] as string[], names: [] as string[], texts: [] as string[] };
  const nonPublicDocumentIds = new Set<string>();

  /** Runs one root field with one set of arguments, splitting what the limits refuse. */
  async function walk(field: string, args: Record<string, ArgValue>, nodes: Node[] | null) {
    const argText = Object.keys(args).length
      ? `(${Object.entries(args)
          .map(([k, v]) => `${k}: ${literal(v)}`)
          .join(', ')})`
      : '';
    const query = `{ ${field}${argText}${nodes ? ` { __typename ${render(nodes)} }` : ''} }`;
    const body = await t.gql(query);
    const refused =
      body.status !== 200 || (body.data === null && !body.errors?.some((e) => e.path));
    if (refused && nodes) {
      const halves = split(nodes);
      if (halves) {
        for (const half of halves) await walk(field, args, half);
        return;
      }
    }
    answers.push({ query, body });
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true, rateLimitPerMinute: 1_000_000 });
    await t.get(SeedService).run();
    schema = t.app.get(GraphQLSchemaHost).schema;
    // A document still in DRAFT, beside the seeded one in negotiation.
    const draft = await createDocumentInStatus(t, {
      status: DocumentStatus.DRAFT,
      eligibleKinds: [ParticipantKind.STATE],
      title: 'Confidential working draft',
      clauses: [{ kind: ClauseKind.OPERATIVE, text: 'Secret clause text zq7 [bracketed].' }],
    });
    nonPublicDocumentIds.add(draft.id);
    const db = t.dataSource;
    const users: { email: string; displayName: string }[] = await db.query(
      `SELECT email, "displayName" FROM users`,
    );
    secrets.emails = users.map((u) => u.email);
    secrets.names = users.map((u) => u.displayName);
    const hidden: { id: string }[] = await db.query(
      `SELECT id FROM documents WHERE status NOT IN ('ADOPTED', 'OPEN_FOR_SIGNATURE', 'CLOSED')`,
    );
    hidden.forEach((d) => nonPublicDocumentIds.add(d.id));
    const texts: { text: string }[] = await db.query(
      `SELECT c.text FROM clauses c JOIN documents d ON d.id = c."documentId"
        WHERE d.status IN ('DRAFT', 'NEGOTIATION')
          AND c.text NOT IN (SELECT text FROM clauses c2 JOIN documents d2 ON d2.id = c2."documentId"
                             WHERE d2.status NOT IN ('DRAFT', 'NEGOTIATION'))
       UNION SELECT text FROM amendments WHERE text IS NOT NULL
       UNION SELECT rationale FROM amendments WHERE rationale IS NOT NULL
       UNION SELECT body FROM comments
       UNION SELECT v.text FROM document_versions v JOIN documents d ON d.id = v."documentId"
        WHERE v.number IS DISTINCT FROM d."adoptedVersion"
          AND NOT EXISTS (SELECT 1 FROM document_versions v2
                            JOIN documents d2 ON d2.id = v2."documentId"
                           WHERE v2.number = d2."adoptedVersion"
                             AND strpos(v2.text, v.text) > 0)`,
    );
    secrets.texts = texts.map((r) => r.text).filter((s) => s.length >= 12);
    expect(secrets.texts.length).toBeGreaterThan(3);

    const ids = async (sql: string) => ((await db.query(sql)) as { id: string }[]).map((r) => r.id);
    const documents = (await db.query(`SELECT id, slug, "adoptedVersion" FROM documents`)) as {
      id: string;
      slug: string;
      adoptedVersion: number | null;
    }[];
    const meetings = await ids(`SELECT id FROM meetings`);
    const signatures = await ids(`SELECT id FROM signatures ORDER BY "signedAt" LIMIT 2`);
    const participants = await ids(
      `SELECT DISTINCT "participantId" AS id FROM signatures UNION SELECT "participantId" FROM meeting_hosts LIMIT 3`,
    );
    const argSets: Record<string, Record<string, ArgValue>[]> = {
      // Every document by slug; the hidden ones by id too (another way to ask for them).
      document: documents.flatMap((d): Record<string, ArgValue>[] =>
        nonPublicDocumentIds.has(d.id) ? [{ slug: d.slug }, { id: d.id }] : [{ slug: d.slug }],
      ),
      documents: [
        {},
        ...Object.values(DocumentStatus).map((status) => ({ status: { enum: status } })),
      ],
      documentDiff: documents.map((d) => ({
        documentId: d.id,
        fromVersion: 1,
        toVersion: d.adoptedVersion ?? 2,
      })),
      meeting: meetings.map((id) => ({ id })),
      participant: participants.map((id) => ({ id })),
      signature: signatures.map((id) => ({ id })),
      verifySignature: signatures.map((signatureId) => ({ signatureId })),
      participants: [{ first: 50 }],
    };
    const query = schema.getQueryType()!;
    for (const name of publicQueryFields()) {
      const field = query.getFields()[name];
      expect(field).toBeDefined();
      const needsArgs = field.args.some(
        (a) => isNonNullType(a.type) && a.defaultValue === undefined,
      );
      const sets = argSets[name] ?? (needsArgs ? null : [{}]);
      if (!sets) throw new Error(`Give the public root field Query.${name} arguments to walk with`);
      const type = getNamedType(field.type);
      const nodes = isObjectType(type) ? selection(type, [type.name]) : null;
      for (const args of sets) await walk(name, args, nodes);
    }
  }, 600_000);

  afterAll(() => t?.close());

  /** Every object in the answers, with the query that produced it. */
  function* objects(): Generator<{ query: string; object: Record<string, unknown> }> {
    for (const { query, body } of answers) {
      const stack: unknown[] = [body.data];
      while (stack.length) {
        const value = stack.pop();
        if (Array.isArray(value)) stack.push(...value);
        else if (value && typeof value === 'object') {
          yield { query, object: value as Record<string, unknown> };
          stack.push(...Object.values(value));
        }
      }
    }
  }

  it('walked every public root field, and reached deep into the data', () => {
    const typenames = new Set([...objects()].map(({ object }) => object.__typename));
    for (const expected of ['Document', 'DocumentVersion', 'Clause', 'Signature', 'Participant']) {
      expect(typenames).toContain(expected);
    }
    for (const expected of ['Meeting', 'Agenda', 'AgendaItem', 'KindCount']) {
      expect(typenames).toContain(expected);
    }
    expect(answers.some(({ body }) => body.data !== null)).toBe(true);
    // The known side doors were asked for.
    const asked = (typename: string, key: string) =>
      [...objects()].some(({ object }) => object.__typename === typename && key in object);
    expect(asked('DocumentVersion', 'createdBy')).toBe(true);
    expect(asked('Signature', 'signedBy')).toBe(true);
    expect(asked('Participant', 'members')).toBe(true);
    expect(asked('AgendaItem', 'notes')).toBe(true);
    expect(asked('Meeting', 'actionItems')).toBe(true);
  });

  it('never hands an anonymous caller a user, an amendment, a comment or an invitation', () => {
    const found = [...objects()]
      .filter(({ object }) => NEVER_PUBLIC.includes(object.__typename as string))
      .map(({ object }) => object.__typename);
    expect(found).toEqual([]);
  });

  it('names no user: no email, display name or platform role anywhere in the answers', () => {
    for (const { object } of objects()) {
      for (const key of ['email', 'displayName', 'platformRole']) {
        expect(object[key] ?? null).toBeNull();
      }
    }
    const raw = JSON.stringify(answers.map((a) => a.body.data));
    expect(secrets.emails.filter((email) => raw.includes(email))).toEqual([]);
    expect(secrets.names.filter((name) => raw.includes(name))).toEqual([]);
  });

  it('shows no document the public may not read, nor any text of one, nor the negotiation record', () => {
    for (const { object } of objects()) {
      if (object.__typename !== 'Document') continue;
      expect(nonPublicDocumentIds.has(object.id as string)).toBe(false);
      if (object.status) expect(PUBLIC_STATUSES).toContain(object.status);
    }
    const raw = JSON.stringify(answers.map((a) => a.body.data));
    const leaked = secrets.texts.filter((text) => raw.includes(JSON.stringify(text).slice(1, -1)));
    expect(leaked).toEqual([]);
  });

  it('shows published agendas without counts of brackets or amendments, action items or scheduling notes', () => {
    let agendas = 0;
    for (const { object } of objects()) {
      if (object.__typename === 'Agenda') {
        agendas++;
        expect(object.warnings ?? []).toEqual([]);
        for (const text of [object.markdown, object.icalendar]) {
          if (typeof text === 'string') expect(text).not.toMatch(/bracket|amendment/i);
        }
      }
      if (object.__typename === 'AgendaItem') {
        expect(String(object.notes ?? '')).not.toMatch(/bracket|amendment/i);
        if (object.kind === 'FOLLOW_UP') expect(object.notes ?? null).toBeNull();
      }
    }
    expect(agendas).toBeGreaterThan(0);
  });

  it('closes the known side doors explicitly, while those entitled still see through them', async () => {
    const [{ slug }] = await t.dataSource.query(
      `SELECT slug FROM documents WHERE status = 'OPEN_FOR_SIGNATURE' ORDER BY slug LIMIT 1`,
    );
    const [{ id: staffId }] = await t.dataSource.query(
      `SELECT id FROM users WHERE "platformRole" = 'SECRETARIAT' LIMIT 1`,
    );
    const query = `query($slug: String!) { document(slug: $slug) {
      versions { number createdBy { email displayName platformRole } }
      signatures { signedBy { email } recordedBy { email } participant { members { role } } }
    } }`;
    const anonymous = (await t.gql(query, { slug })).data!.document;
    expect(anonymous.versions.length).toBe(1);
    expect(anonymous.versions[0].createdBy).toBeNull();
    for (const signature of anonymous.signatures) {
      expect(signature).toEqual({
        signedBy: null,
        recordedBy: null,
        participant: { members: [] },
      });
    }
    const staff = (await t.gql(query, { slug }, await t.tokenFor(staffId))).data!.document;
    expect(staff.versions.some((v: { createdBy: unknown }) => v.createdBy !== null)).toBe(true);

    const [{ id: meetingId }] = await t.dataSource.query(
      `SELECT "meetingId" AS id FROM agendas WHERE "publishedAt" IS NOT NULL LIMIT 1`,
    );
    const meeting = (
      await t.gql(
        `query($id: ID!) { meeting(id: $id) { invitations { status } actionItems { title } } }`,
        {
          id: meetingId,
        },
      )
    ).data!.meeting;
    expect(meeting).toEqual({ invitations: [], actionItems: [] });
  });
});
