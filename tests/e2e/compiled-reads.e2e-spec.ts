import { DocumentStatus, ParticipantKind, PlatformRole } from '@accord/common';
import { SignaturesService } from '@accord/signatures';
import { UsersService } from '@accord/auth';
import { countQueries } from '../support/count-queries';
import { createDocumentInStatus } from '../support/document-factory';
import {
  createMember,
  createParticipant,
  createUser,
  createWorld,
  World,
} from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { DelegationRole } from '@accord/common';

/**
 * A `document(slug:)` read whose selection compiles is answered by one JSON-building statement
 * (CompiledReads) instead of the resolvers. For every kind of caller it must answer exactly what
 * the resolvers answer: the same query with `@include(if: true)` on its root field never
 * compiles (a directive), so the pair compares the two paths on the same data.
 */
const DRAFT = `query Draft($slug: String!) {
  document(slug: $slug) { __typename id slug title status version kind adoptedHash adoptedAt
    clauses { id position kind text version
      amendments { id kind text rationale status createdAt clauseKind baseClauseVersion
        proposer { id name kind countryCode } cosponsors { id name } }
      talk: comments { id body createdAt resolved author { id displayName } } } } }`;
const SIGNATORIES = `query Signatories($slug: String!) {
  text: document(slug: $slug) { id title status adoptedHash adoptedVersion reservationsAllowed
    signatures { id signedAt textHash participant { id name kind countryCode shortName } } } }`;

const PARTICIPANTS = `query Participants($first: Int) {
  participants(first: $first) { list: edges { node { __typename id name kind countryCode shortName
    members { role user { id displayName email } } } } } }`;

/** The same operation, made to run through the resolvers. */
const viaResolvers = (query: string) =>
  query.replace(
    /((?:document\(slug: \$slug\))|(?:participants\(first: \$first\)))/,
    '$1 @include(if: true)',
  );

const COMPILED = /compiled read:/;

describe('compiled reads: one statement, the same answer as the resolvers', () => {
  let t: TestApp;
  let w: World;
  let draftSlug: string;
  let textSlug: string;
  let callers: Record<string, string | null>;

  beforeAll(async () => {
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
    const draft = await createDocumentInStatus(t, {
      status: DocumentStatus.NEGOTIATION,
      eligibleKinds: [ParticipantKind.STATE],
    });
    draftSlug = draft.slug;
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    // Two amendments per clause (A's co-sponsored by B and by a third state), a comment with a
    // reply per clause: written straight into the tables, as drafting-queries does.
    const stateC = await createParticipant(t, w.secretariat.actor, { name: 'État C (Côte)' });
    await createMember(t, w.secretariat.actor, stateC.id, DelegationRole.DELEGATE);
    await q(
      `INSERT INTO amendments ("documentId", "clauseId", kind, text, rationale, "proposerId", "proposedById", "baseClauseVersion")
       SELECT $1, c.id, k.kind::amendment_kind, CASE WHEN k.kind = 'DELETE' THEN NULL ELSE 'New "text" ' || c.position END,
              CASE WHEN k.kind = 'DELETE' THEN NULL ELSE 'Because \\ and ✓' END, $2, $3, 1
       FROM clauses c, (VALUES ('REPLACE'), ('DELETE')) k(kind) WHERE c."documentId" = $1`,
      [draft.id, w.stateA.id, w.delegateA.id],
    );
    await q(
      `INSERT INTO amendment_cosponsors ("amendmentId", "participantId", "cosponsoredById", "createdAt")
       SELECT a.id, s.id, s.by, now() + s.lag FROM amendments a,
         (VALUES ($2::uuid, $3::uuid, interval '1 second'), ($4::uuid, $3::uuid, interval '0 seconds')) s(id, by, lag)
       WHERE a."documentId" = $1 AND a.kind = 'REPLACE'`,
      [draft.id, w.stateB.id, w.headB.id, stateC.id],
    );
    await q(
      `INSERT INTO comments ("clauseId", "documentId", "authorId", "participantId", body, resolved)
       SELECT c.id, $1, $2, $3, 'Why this wording? ' || c.position, c.position = 2 FROM clauses c WHERE c."documentId" = $1`,
      [draft.id, w.delegateA.id, w.stateA.id],
    );
    await q(
      `INSERT INTO comments ("clauseId", "documentId", "parentId", "authorId", "participantId", body)
       SELECT p."clauseId", $1, p.id, $2, $3, 'Because.' FROM comments p WHERE p."documentId" = $1`,
      [draft.id, w.headB.id, w.stateB.id],
    );

    const text = await createDocumentInStatus(t, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
    });
    textSlug = text.slug;
    // Its negotiation record: shown to its eligible members and the secretariat, not the public.
    await q(
      `INSERT INTO amendments ("documentId", "clauseId", kind, text, rationale, "proposerId", "proposedById", "baseClauseVersion", status)
       SELECT $1, c.id, 'REPLACE', 'Agreed text', 'As adopted', $2, $3, 1, 'ACCEPTED' FROM clauses c WHERE c."documentId" = $1`,
      [text.id, w.stateA.id, w.delegateA.id],
    );
    await q(
      `INSERT INTO comments ("clauseId", "documentId", "authorId", "participantId", body)
       SELECT c.id, $1, $2, $3, 'Agreed.' FROM clauses c WHERE c."documentId" = $1`,
      [text.id, w.delegateA.id, w.stateA.id],
    );
    const signatures = t.get(SignaturesService);
    await signatures.sign(w.headA.actor, { documentId: text.id });
    const b = await signatures.sign(w.headB.actor, { documentId: text.id });
    const companyHead = await createMember(
      t,
      w.secretariat.actor,
      w.company.id,
      DelegationRole.HEAD_OF_DELEGATION,
    );
    await signatures.sign(companyHead.actor, { documentId: text.id });
    await signatures.withdraw(w.headB.actor, { signatureId: b.id, reason: 'Domestic procedure' });

    callers = {
      anonymous: null,
      admin: w.admin.token,
      secretariat: w.secretariat.token,
      'eligible head': w.headA.token,
      'eligible delegate': w.delegateA.token,
      'eligible observer': w.observerA.token,
      'ineligible delegate': w.companyDelegate.token,
      'no delegation': w.outsider.token,
      'stale token': 'not-a-token',
    };
  });
  afterAll(() => t.close());

  async function bothWays(query: string, slug: string, token: string | null) {
    const compiled = await countQueries(() => t.gql(query, { slug }, token));
    const resolved = await countQueries(() => t.gql(viaResolvers(query), { slug }, token));
    return { compiled, resolved };
  }

  it.each([
    ['a draft read whole', () => DRAFT, () => draftSlug],
    ['the public signatories of a text', () => SIGNATORIES, () => textSlug],
    // Amendments and comments of an adopted text: empty lists for the public, as resolved.
    ['an adopted text with its negotiation record', () => DRAFT, () => textSlug],
  ])('%s: every caller gets what the resolvers give', async (_name, query, slug) => {
    for (const [caller, token] of Object.entries(callers)) {
      const { compiled, resolved } = await bothWays(query(), slug(), token);
      expect({ caller, ...compiled.result }).toStrictEqual({ caller, ...resolved.result });
      expect(resolved.statements.some((s) => COMPILED.test(s))).toBe(false);
    }
  });

  it('a page of participants: every caller gets what the resolvers give', async () => {
    for (const [caller, token] of Object.entries(callers)) {
      for (const first of [2, 50]) {
        const compiled = await countQueries(() => t.gql(PARTICIPANTS, { first }, token));
        const resolved = await countQueries(() =>
          t.gql(viaResolvers(PARTICIPANTS), { first }, token),
        );
        expect({ caller, ...compiled.result }).toStrictEqual({ caller, ...resolved.result });
        expect(resolved.statements.some((s) => COMPILED.test(s))).toBe(false);
      }
    }
    // The secretariat reads every delegation's members: one statement. A delegate sees only its
    // own delegation's (the resolvers decide per participant); without members, one statement.
    const staff = await countQueries(() => t.gql(PARTICIPANTS, { first: 50 }, w.secretariat.token));
    expect(staff.statements.filter((s) => COMPILED.test(s))).toHaveLength(1);
    const members = staff.result.data!.participants.list.flatMap(
      (edge: { node: { members: unknown[] } }) => edge.node.members,
    );
    expect(members.length).toBeGreaterThanOrEqual(6);
    const delegate = await countQueries(() =>
      t.gql(PARTICIPANTS, { first: 50 }, w.delegateA.token),
    );
    expect(delegate.statements.some((s) => COMPILED.test(s))).toBe(false);
    const names = PARTICIPANTS.replace(/members \{[^}]*\{[^}]*\} \}/, '');
    const light = await countQueries(() => t.gql(names, { first: 50 }, w.delegateA.token));
    expect(light.statements.filter((s) => COMPILED.test(s))).toHaveLength(1);
    expect(light.result.errors).toBeUndefined();
  });

  describe('the caller’s session check, folded into the page’s statement', () => {
    const SESSION = /FROM sessions s/;
    let staff: { id: string; token: string };
    beforeEach(async () => {
      staff = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
    });
    const read = (token: string) => countQueries(() => t.gql(PARTICIPANTS, { first: 50 }, token));
    const resolvedRead = (token: string) => t.gql(viaResolvers(PARTICIPANTS), { first: 50 }, token);

    it('costs one statement once the session is known, and answers what the resolvers do', async () => {
      const first = await read(staff.token);
      expect(first.count).toBe(2); // the session, then the page (the caller is remembered)
      const again = await read(staff.token);
      expect(again.count).toBe(1);
      expect(SESSION.test(again.statements[0]) && COMPILED.test(again.statements[0])).toBe(true);
      expect(again.result).toStrictEqual(first.result);
      expect(again.result).toStrictEqual(await resolvedRead(staff.token));
    });

    it('does not answer from a remembered caller whose role changed under a live session', async () => {
      await read(staff.token);
      // Not through UsersService.setRole, which ends the sessions: a role the guess did not see.
      await t.dataSource.query(`UPDATE users SET "platformRole" = 'NONE' WHERE id = $1`, [
        staff.id,
      ]);
      const after = await read(staff.token);
      expect(after.result).toStrictEqual(await resolvedRead(staff.token));
      const members = after.result.data!.participants.list.flatMap(
        (edge: { node: { members: unknown[] } }) => edge.node.members,
      );
      expect(members).toEqual([]);
    });

    it('answers a session ended or a user disabled after the caller was remembered as the guard does', async () => {
      const membersOf = (result: { data?: any }) =>
        result.data!.participants.list.flatMap(
          (edge: { node: { members: unknown[] } }) => edge.node.members,
        );
      expect(membersOf((await read(staff.token)).result).length).toBeGreaterThan(0);
      await t.dataSource.query(`UPDATE sessions SET "revokedAt" = now() WHERE "userId" = $1`, [
        staff.id,
      ]);
      const revoked = await read(staff.token);
      expect(revoked.result).toStrictEqual(await resolvedRead(staff.token));
      expect(membersOf(revoked.result)).toEqual([]);

      const other = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
      await read(other.token);
      await t.get(UsersService).setDisabled(w.admin.actor, other.id, true);
      const disabled = await read(other.token);
      expect(disabled.result).toStrictEqual(await resolvedRead(other.token));
      expect(membersOf(disabled.result)).toEqual([]);
    });
  });

  it('leaves a page with a filter, a cursor or page info to the resolvers', async () => {
    const queries = [
      PARTICIPANTS.replace(
        'participants(first: $first)',
        'participants(first: $first, filter: { kind: STATE })',
      ),
      PARTICIPANTS.replace('{ list: edges', '{ pageInfo { hasNextPage } list: edges'),
      PARTICIPANTS.replace('{ node {', '{ cursor node {'),
    ];
    for (const query of queries) {
      const res = await countQueries(() => t.gql(query, { first: 2 }, w.secretariat.token));
      expect(res.result.errors).toBeUndefined();
      expect(res.statements.some((s) => COMPILED.test(s))).toBe(false);
    }
    const tooMany = await t.gql(PARTICIPANTS, { first: 1000 }, w.secretariat.token);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a visible read in one JSON-building statement, with what the resolvers show', async () => {
    // The secretariat reads any text with its record: one statement finds, checks and answers.
    const staff = await bothWays(DRAFT, draftSlug, w.secretariat.token);
    expect(staff.compiled.statements.filter((s) => COMPILED.test(s))).toHaveLength(1);
    expect(staff.compiled.statements.length).toBeLessThan(staff.resolved.statements.length);
    // A delegate reads a draft because of its delegation's kind: the reference first, then the answer.
    const { compiled } = await bothWays(DRAFT, draftSlug, w.delegateA.token);
    expect(compiled.statements.filter((s) => COMPILED.test(s))).toHaveLength(2);
    const document = compiled.result.data!.document;
    expect(document.clauses).toHaveLength(3);
    const clause = document.clauses[0];
    expect(clause.amendments.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'DELETE',
      'REPLACE',
    ]);
    const replace = clause.amendments.find((a: { kind: string }) => a.kind === 'REPLACE');
    // In the order they co-sponsored: C a second before B.
    expect(replace.cosponsors.map((p: { name: string }) => p.name)).toEqual([
      'État C (Côte)',
      w.stateB.name,
    ]);
    expect(clause.talk).toHaveLength(1); // thread starters only
    expect(clause.talk[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const text = await bothWays(SIGNATORIES, textSlug, null);
    expect(text.compiled.statements.filter((s) => COMPILED.test(s))).toHaveLength(1);
    expect(text.compiled.result.data!.text.signatures).toHaveLength(2); // the withdrawn one is not listed
  });

  it('shows an adopted text’s record to its eligible members only, though the public read is guessed first', async () => {
    const amendments = (res: { data: any }) =>
      res.data.document.clauses.flatMap((c: { amendments: unknown[] }) => c.amendments).length;
    const member = await bothWays(DRAFT, textSlug, w.headA.token);
    expect(amendments(member.compiled.result)).toBe(3);
    const outsider = await bothWays(DRAFT, textSlug, w.outsider.token);
    expect(amendments(outsider.compiled.result)).toBe(0);
    expect(outsider.compiled.statements.filter((s) => COMPILED.test(s))).toHaveLength(1);
  });

  it('hides the negotiation record from a caller the policy refuses it, in the compiled answer too', async () => {
    const { compiled } = await bothWays(DRAFT, draftSlug, w.companyDelegate.token);
    expect(compiled.result.data!.document).toBeNull();
    const anonymous = await bothWays(DRAFT, draftSlug, null);
    expect(anonymous.compiled.result.data!.document).toBeNull();
  });

  it('leaves to the resolvers what it does not declare: a field, an argument, a fragment', async () => {
    const queries = [
      DRAFT.replace('clauses { id', 'clauses { number id'),
      DRAFT.replace('amendments {', 'amendments(status: PROPOSED) {'),
      `query($slug: String!) { document(slug: $slug) { ...D } } fragment D on Document { id title }`,
      SIGNATORIES.replace('signatures {', 'signatures(includeWithdrawn: true) {'),
    ];
    for (const query of queries) {
      const { compiled, resolved } = await bothWays(query, draftSlug, w.delegateA.token);
      expect(compiled.statements.some((s) => COMPILED.test(s))).toBe(false);
      expect(compiled.result).toStrictEqual(resolved.result);
      expect(compiled.result.errors).toBeUndefined();
    }
  });

  it('refuses a disabled user at once, as the guard does', async () => {
    const user = await createMember(t, w.secretariat.actor, w.stateA.id, DelegationRole.DELEGATE);
    const before = await t.gql<{ document: { id: string } | null }>(
      DRAFT,
      { slug: draftSlug },
      user.token,
    );
    expect(before.data!.document).not.toBeNull();
    await t.get(UsersService).setDisabled(w.admin.actor, user.id, true);
    const after = await bothWays(DRAFT, draftSlug, user.token);
    expect(after.compiled.result).toStrictEqual(after.resolved.result);
    expect(after.compiled.result.data?.document ?? null).toBeNull();
  });
});
