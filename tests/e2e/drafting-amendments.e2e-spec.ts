import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  ACCEPT,
  auditActions,
  code,
  COSPONSOR,
  DOCUMENT,
  draftIn,
  ok,
  PROPOSE,
  REBASE,
  REJECT,
  WITHDRAW,
} from './drafting-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const AMENDMENTS = `query($id: ID) { document(id: $id) {
  version
  clauses { id number kind text version amendments { id status } }
  all: amendments { id status }
  proposed: amendments(status: PROPOSED) { id }
} }`;

describe('drafting: amendments', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  /** A text in NEGOTIATION with three operative clauses. */
  const negotiation = () =>
    draftIn(t, w.secretariat.token, 'NEGOTIATION', {
      clauses: [
        { text: 'States will act.' },
        { text: 'States will report.' },
        { text: 'States will meet.' },
      ],
    });
  const propose = (token: string, input: Record<string, unknown>) =>
    t.gql(PROPOSE, { input }, token);
  const read = async (id: string) =>
    ok(await t.gql(AMENDMENTS, { id }, w.secretariat.token)).document;

  describe('proposeAmendment', () => {
    it('records a delegation’s proposal with its rationale, on the clause version it saw', async () => {
      const draft = await negotiation();
      const amendment = ok(
        await propose(w.delegateA.token, {
          clauseId: draft.clauses[0].id,
          kind: 'REPLACE',
          text: 'States shall act.',
          rationale: 'Stronger wording.',
        }),
      ).proposeAmendment;
      expect(amendment).toMatchObject({
        kind: 'REPLACE',
        text: 'States shall act.',
        rationale: 'Stronger wording.',
        status: 'PROPOSED',
        baseClauseVersion: 1,
        proposer: { id: w.stateA.id },
        proposedBy: { id: w.delegateA.id },
        cosponsors: [],
        clause: { id: draft.clauses[0].id },
        document: { id: draft.id },
        decidedAt: null,
      });
      // Proposing changes no text.
      expect((await read(draft.id)).version).toBe(3);
    });

    it('takes INSERT_AFTER with a clause kind (OPERATIVE after a heading by default) and DELETE without text', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        clauses: [
          { kind: 'HEADING', text: 'Commitments' },
          { kind: 'PREAMBULAR', text: 'Recalling,' },
        ],
      });
      const afterHeading = ok(
        await propose(w.headA.token, {
          clauseId: draft.clauses[0].id,
          kind: 'INSERT_AFTER',
          text: 'New.',
        }),
      ).proposeAmendment;
      expect(afterHeading.clauseKind).toBe('OPERATIVE');
      const afterPreamble = ok(
        await propose(w.headA.token, {
          clauseId: draft.clauses[1].id,
          kind: 'INSERT_AFTER',
          text: 'Noting,',
        }),
      ).proposeAmendment;
      expect(afterPreamble.clauseKind).toBe('PREAMBULAR');
      const chosen = ok(
        await propose(w.headA.token, {
          clauseId: draft.clauses[1].id,
          kind: 'INSERT_AFTER',
          text: 'Act.',
          clauseKind: 'OPERATIVE',
        }),
      ).proposeAmendment;
      expect(chosen.clauseKind).toBe('OPERATIVE');
      const remove = ok(
        await propose(w.delegateB.token, {
          clauseId: draft.clauses[1].id,
          kind: 'DELETE',
          rationale: 'Redundant.',
        }),
      ).proposeAmendment;
      expect(remove).toMatchObject({
        kind: 'DELETE',
        text: null,
        clauseKind: null,
        proposer: { id: w.stateB.id },
      });
    });

    it.each([
      ['REPLACE without text', 'BAD_USER_INPUT', 'text', { kind: 'REPLACE' }],
      ['REPLACE with blank text', 'BAD_USER_INPUT', 'text', { kind: 'REPLACE', text: '   ' }],
      [
        'REPLACE with 1 MB of text',
        'BAD_USER_INPUT',
        'text',
        { kind: 'REPLACE', text: 'x'.repeat(1024 * 1024) },
      ],
      [
        'REPLACE with the current text',
        'BAD_USER_INPUT',
        'text',
        { kind: 'REPLACE', text: 'States will act.' },
      ],
      ['INSERT_AFTER without text', 'BAD_USER_INPUT', 'text', { kind: 'INSERT_AFTER' }],
      ['DELETE with text', 'BAD_USER_INPUT', 'text', { kind: 'DELETE', text: 'Why?' }],
      [
        'clauseKind on a REPLACE',
        'BAD_USER_INPUT',
        'clauseKind',
        { kind: 'REPLACE', text: 'x', clauseKind: 'HEADING' },
      ],
      [
        'an overlong rationale',
        'BAD_USER_INPUT',
        'rationale',
        { kind: 'REPLACE', text: 'x', rationale: 'r'.repeat(5001) },
      ],
      ['an unknown clause', 'NOT_FOUND', 'clauseId', { kind: 'DELETE', clauseId: UNKNOWN }],
      [
        'a malformed clause id',
        'BAD_USER_INPUT',
        'clauseId',
        { kind: 'DELETE', clauseId: 'clause-1' },
      ],
    ] as [string, string, string, Record<string, unknown>][])(
      'refuses %s with %s naming %s, and records nothing',
      async (_label, expected, field, input) => {
        const draft = await negotiation();
        const res = await propose(w.delegateA.token, { clauseId: draft.clauses[0].id, ...input });
        expect(code(res)).toBe(expected);
        expect(res.errors![0].extensions.field).toBe(field);
        expect((await read(draft.id)).all).toEqual([]);
      },
    );

    it('is for heads and delegates of eligible participants, only in NEGOTIATION', async () => {
      const draft = await negotiation();
      const input = { clauseId: draft.clauses[0].id, kind: 'DELETE' };
      for (const user of [w.headA, w.delegateA, w.headB, w.delegateB]) {
        expect(code(await propose(user.token, input))).toBeUndefined();
      }
      for (const user of [w.observerA, w.secretariat, w.admin, w.companyDelegate, w.outsider]) {
        expect(code(await propose(user.token, input))).toBe('FORBIDDEN');
      }
      expect(code(await t.gql(PROPOSE, { input }, null))).toBe('UNAUTHENTICATED');
      for (const status of ['DRAFT', 'ADOPTED'] as const) {
        const other = await draftIn(t, w.secretariat.token, status);
        const res = await propose(w.delegateA.token, {
          clauseId: other.clauses[0].id,
          kind: 'DELETE',
        });
        expect(code(res)).toBe('INVALID_STATE');
      }
    });
  });

  describe('co-sponsoring and withdrawing', () => {
    it('lets another eligible participant co-sponsor once; never the proposer, an observer or the secretariat', async () => {
      const draft = await negotiation();
      const { id } = ok(
        await propose(w.delegateA.token, { clauseId: draft.clauses[0].id, kind: 'DELETE' }),
      ).proposeAmendment;
      const cosponsored = ok(await t.gql(COSPONSOR, { id }, w.delegateB.token)).cosponsorAmendment;
      expect(cosponsored.cosponsors).toEqual([{ id: w.stateB.id }]);
      const twice = await t.gql(COSPONSOR, { id }, w.headB.token);
      expect(code(twice)).toBe('CONFLICT');
      for (const user of [
        w.headA,
        w.delegateA,
        w.observerA,
        w.secretariat,
        w.companyDelegate,
        w.outsider,
      ]) {
        expect(code(await t.gql(COSPONSOR, { id }, user.token))).toBe('FORBIDDEN');
      }
      expect(code(await t.gql(COSPONSOR, { id: UNKNOWN }, w.headB.token))).toBe('NOT_FOUND');
    });

    it('lets the proposing delegation (any of its writers) withdraw, once', async () => {
      const draft = await negotiation();
      const { id } = ok(
        await propose(w.delegateA.token, { clauseId: draft.clauses[0].id, kind: 'DELETE' }),
      ).proposeAmendment;
      for (const user of [w.headB, w.delegateB, w.observerA, w.secretariat, w.outsider]) {
        expect(code(await t.gql(WITHDRAW, { id }, user.token))).toBe('FORBIDDEN');
      }
      const withdrawn = ok(await t.gql(WITHDRAW, { id }, w.headA.token)).withdrawAmendment;
      expect(withdrawn.status).toBe('WITHDRAWN');
      expect(withdrawn.decidedAt).toBeTruthy();
      expect(code(await t.gql(WITHDRAW, { id }, w.headA.token))).toBe('INVALID_STATE');
      expect(code(await t.gql(COSPONSOR, { id }, w.headB.token))).toBe('INVALID_STATE');
      expect(code(await t.gql(ACCEPT, { id }, w.secretariat.token))).toBe('INVALID_STATE');
    });
  });

  describe('deciding', () => {
    it('accepting a REPLACE applies it and makes a version, in one transaction', async () => {
      const draft = await negotiation();
      const { id } = ok(
        await propose(w.delegateA.token, {
          clauseId: draft.clauses[1].id,
          kind: 'REPLACE',
          text: 'States shall report yearly.',
        }),
      ).proposeAmendment;
      for (const user of [w.headA, w.delegateB, w.observerA]) {
        expect(code(await t.gql(ACCEPT, { id }, user.token))).toBe('FORBIDDEN');
      }
      const accepted = ok(
        await t.gql(ACCEPT, { id, note: ' Agreed in plenary. ' }, w.secretariat.token),
      ).acceptAmendment;
      expect(accepted).toMatchObject({ status: 'ACCEPTED', decisionNote: 'Agreed in plenary.' });
      expect(accepted.decidedAt).toBeTruthy();
      const doc = await read(draft.id);
      expect(doc.version).toBe(4);
      expect(doc.clauses[1]).toMatchObject({ text: 'States shall report yearly.', version: 2 });
      expect(doc.clauses[1].amendments).toEqual([{ id, status: 'ACCEPTED' }]);
      expect(code(await t.gql(ACCEPT, { id }, w.secretariat.token))).toBe('INVALID_STATE');
      expect(await auditActions(t, id)).toEqual(['amendment.proposed', 'amendment.accepted']);
    });

    it('accepting an INSERT_AFTER adds the clause after its target and renumbers', async () => {
      const draft = await negotiation();
      const { id } = ok(
        await propose(w.headB.token, {
          clauseId: draft.clauses[0].id,
          kind: 'INSERT_AFTER',
          text: 'States will consult.',
        }),
      ).proposeAmendment;
      ok(await t.gql(ACCEPT, { id }, w.admin.token));
      const doc = await read(draft.id);
      expect(
        doc.clauses.map((c: { number: string; text: string }) => `${c.number}. ${c.text}`),
      ).toEqual([
        '1. States will act.',
        '2. States will consult.',
        '3. States will report.',
        '4. States will meet.',
      ]);
    });

    it('accepting a DELETE removes the clause; the amendment then points at no clause', async () => {
      const draft = await negotiation();
      const { id } = ok(
        await propose(w.headB.token, { clauseId: draft.clauses[1].id, kind: 'DELETE' }),
      ).proposeAmendment;
      const accepted = ok(await t.gql(ACCEPT, { id }, w.secretariat.token)).acceptAmendment;
      expect(accepted.clause).toBeNull();
      const doc = await read(draft.id);
      expect(doc.clauses.map((c: { text: string }) => c.text)).toEqual([
        'States will act.',
        'States will meet.',
      ]);
      expect(doc.all).toEqual([{ id, status: 'ACCEPTED' }]);
    });

    it('refuses to accept an amendment whose clause changed since (CONFLICT), which can still be rejected, withdrawn or re-based', async () => {
      const draft = await negotiation();
      const clauseId = draft.clauses[0].id;
      const first = ok(
        await propose(w.delegateA.token, { clauseId, kind: 'REPLACE', text: 'States shall act.' }),
      ).proposeAmendment;
      const second = ok(
        await propose(w.delegateB.token, { clauseId, kind: 'REPLACE', text: 'States may act.' }),
      ).proposeAmendment;
      const third = ok(await propose(w.headB.token, { clauseId, kind: 'DELETE' })).proposeAmendment;
      const fourth = ok(
        await propose(w.headA.token, { clauseId, kind: 'REPLACE', text: 'States must act.' }),
      ).proposeAmendment;
      ok(await t.gql(ACCEPT, { id: first.id }, w.secretariat.token));
      const before = await read(draft.id);

      const stale = await t.gql(ACCEPT, { id: second.id }, w.secretariat.token);
      expect(code(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions).toMatchObject({
        clauseId,
        baseClauseVersion: 1,
        currentVersion: 2,
        currentText: 'States shall act.',
      });
      expect(await read(draft.id)).toEqual(before);

      expect(
        ok(await t.gql(REJECT, { id: second.id, note: 'Overtaken.' }, w.secretariat.token))
          .rejectAmendment,
      ).toMatchObject({
        status: 'REJECTED',
        decisionNote: 'Overtaken.',
      });
      expect(
        ok(await t.gql(WITHDRAW, { id: third.id }, w.delegateB.token)).withdrawAmendment.status,
      ).toBe('WITHDRAWN');

      // Re-based by its proposer on the current text, it can be accepted.
      expect(
        code(await t.gql(REBASE, { id: fourth.id, text: 'States must act now.' }, w.headB.token)),
      ).toBe('FORBIDDEN');
      expect(code(await t.gql(REBASE, { id: fourth.id, text: '' }, w.delegateA.token))).toBe(
        'BAD_USER_INPUT',
      );
      const rebased = ok(
        await t.gql(REBASE, { id: fourth.id, text: 'States must act now.' }, w.delegateA.token),
      ).rebaseAmendment;
      expect(rebased).toMatchObject({
        baseClauseVersion: 2,
        text: 'States must act now.',
        status: 'PROPOSED',
      });
      ok(await t.gql(ACCEPT, { id: fourth.id }, w.secretariat.token));
      expect((await read(draft.id)).clauses[0]).toMatchObject({
        text: 'States must act now.',
        version: 3,
      });
      expect(await auditActions(t, fourth.id)).toEqual([
        'amendment.proposed',
        'amendment.rebased',
        'amendment.accepted',
      ]);
    });

    it('cannot accept or re-base an amendment whose clause was deleted; it can be rejected', async () => {
      const draft = await negotiation();
      const clauseId = draft.clauses[2].id;
      const remove = ok(
        await propose(w.delegateA.token, { clauseId, kind: 'DELETE' }),
      ).proposeAmendment;
      const replace = ok(
        await propose(w.delegateB.token, {
          clauseId,
          kind: 'REPLACE',
          text: 'States will meet yearly.',
        }),
      ).proposeAmendment;
      ok(await t.gql(ACCEPT, { id: remove.id }, w.secretariat.token));
      const stale = await t.gql(ACCEPT, { id: replace.id }, w.secretariat.token);
      expect(code(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions.currentText).toBeNull();
      expect(code(await t.gql(REBASE, { id: replace.id, text: 'Again.' }, w.delegateB.token))).toBe(
        'INVALID_STATE',
      );
      expect(
        ok(await t.gql(REJECT, { id: replace.id }, w.secretariat.token)).rejectAmendment.status,
      ).toBe('REJECTED');
    });

    it('filters amendments by status on the document and on each clause', async () => {
      const draft = await negotiation();
      const a = ok(
        await propose(w.delegateA.token, { clauseId: draft.clauses[0].id, kind: 'DELETE' }),
      ).proposeAmendment;
      const b = ok(
        await propose(w.delegateA.token, { clauseId: draft.clauses[1].id, kind: 'DELETE' }),
      ).proposeAmendment;
      ok(await t.gql(REJECT, { id: b.id }, w.secretariat.token));
      const doc = await read(draft.id);
      expect(doc.proposed).toEqual([{ id: a.id }]);
      expect(doc.all.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
      expect(doc.clauses[0].amendments).toEqual([{ id: a.id, status: 'PROPOSED' }]);
    });

    it('hides amendments from those who may not see the draft, even once adopted', async () => {
      const draft = await negotiation();
      const a = ok(
        await propose(w.delegateA.token, {
          clauseId: draft.clauses[0].id,
          kind: 'REPLACE',
          text: 'Agreed.',
        }),
      ).proposeAmendment;
      ok(await t.gql(ACCEPT, { id: a.id }, w.secretariat.token));
      ok(
        await t.gql(
          'mutation($id: ID!) { adoptDocument(documentId: $id) { id } }',
          { id: draft.id },
          w.secretariat.token,
        ),
      );
      const publicView = ok(await t.gql(AMENDMENTS, { id: draft.id }, null)).document;
      expect(publicView.all).toEqual([]);
      expect(publicView.clauses[0].amendments).toEqual([]);
      const memberView = ok(await t.gql(AMENDMENTS, { id: draft.id }, w.observerA.token)).document;
      expect(memberView.all).toEqual([{ id: a.id, status: 'ACCEPTED' }]);
    });

    it('answers unknown and malformed amendment ids', async () => {
      const unknown = await t.gql(ACCEPT, { id: UNKNOWN }, w.secretariat.token);
      expect(code(unknown)).toBe('NOT_FOUND');
      expect(unknown.errors![0].extensions.field).toBe('amendmentId');
      expect(code(await t.gql(REJECT, { id: 'x' }, w.secretariat.token))).toBe('BAD_USER_INPUT');
      const longNote = await t.gql(
        REJECT,
        { id: UNKNOWN, note: 'n'.repeat(5001) },
        w.secretariat.token,
      );
      expect(code(longNote)).toBe('BAD_USER_INPUT');
      expect(longNote.errors![0].extensions.field).toBe('note');
    });
  });

  it('reads a document whose amendments have co-sponsors in one go', async () => {
    const draft = await negotiation();
    const { id } = ok(
      await propose(w.delegateA.token, { clauseId: draft.clauses[0].id, kind: 'DELETE' }),
    ).proposeAmendment;
    ok(await t.gql(COSPONSOR, { id }, w.delegateB.token));
    const doc = ok(
      await t.gql(
        `query($id: ID) { document(id: $id) { amendments { proposer { name } cosponsors { name } } } }`,
        { id: draft.id },
        w.observerA.token,
      ),
    ).document;
    expect(doc.amendments).toEqual([
      { proposer: { name: w.stateA.name }, cosponsors: [{ name: w.stateB.name }] },
    ]);
    expect(ok(await t.gql(DOCUMENT, { id: draft.id }, w.observerA.token)).document.id).toBe(
      draft.id,
    );
  });
});
