import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  ADD_CLAUSE,
  auditActions,
  code,
  createDraft,
  DELETE_CLAUSE,
  DOCUMENT,
  draftIn,
  ok,
  UPDATE_CLAUSE,
} from './drafting-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);

describe('drafting: clauses', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const read = async (id: string) =>
    ok(await t.gql(DOCUMENT, { id }, w.secretariat.token)).document;

  describe('numbering and positions', () => {
    it('numbers preambular and operative clauses in order and leaves headings unnumbered', async () => {
      const draft = await createDraft(t, w.secretariat.token, {
        clauses: [
          { kind: 'HEADING', text: 'Preamble' },
          { kind: 'PREAMBULAR', text: 'Recalling the London conference,' },
          { kind: 'HEADING', text: 'Commitments' },
          { kind: 'OPERATIVE', text: 'States will act.' },
          { kind: 'OPERATIVE', text: 'States will report.' },
        ],
      });
      const doc = await read(draft.id);
      expect(doc.clauses.map((c: { number: string }) => c.number)).toEqual(['', '1', '', '2', '3']);
      expect(doc.clauses.map((c: { position: number }) => c.position)).toEqual([1, 2, 3, 4, 5]);
      expect(doc.version).toBe(5);
    });

    it('inserts after a given clause, shifting and renumbering those after it', async () => {
      const draft = await createDraft(t, w.secretariat.token, {
        clauses: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }],
      });
      const added = ok(
        await t.gql(
          ADD_CLAUSE,
          {
            input: {
              documentId: draft.id,
              kind: 'OPERATIVE',
              text: 'One and a half.',
              afterClauseId: draft.clauses[0].id,
            },
          },
          w.delegateA.token,
        ),
      ).addClause;
      expect(added).toMatchObject({ position: 2, number: '2', version: 1, openBrackets: 0 });
      const doc = await read(draft.id);
      expect(
        doc.clauses.map((c: { text: string; number: string }) => `${c.number} ${c.text}`),
      ).toEqual(['1 One.', '2 One and a half.', '3 Two.', '4 Three.']);
    });

    it('appends at the end when no clause is given', async () => {
      const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'One.' }] });
      const added = ok(
        await t.gql(
          ADD_CLAUSE,
          { input: { documentId: draft.id, kind: 'HEADING', text: 'Annex' } },
          w.headB.token,
        ),
      ).addClause;
      expect(added).toMatchObject({ position: 2, number: '', kind: 'HEADING' });
    });
  });

  describe('optimistic locking', () => {
    it('updates a clause edited on its current version, bumping the clause and document versions', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      const [clause] = draft.clauses;
      const updated = ok(
        await t.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: clause.id, text: '  New [text].  ', expectedVersion: 1 } },
          w.headA.token,
        ),
      ).updateClause;
      expect(updated).toMatchObject({
        id: clause.id,
        text: 'New [text].',
        version: 2,
        openBrackets: 1,
      });
      expect((await read(draft.id)).version).toBe(2);
    });

    it('refuses a stale expectedVersion with CONFLICT carrying the current version and text, changing nothing', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      const [clause] = draft.clauses;
      ok(
        await t.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: clause.id, text: 'Winner.', expectedVersion: 1 } },
          w.delegateA.token,
        ),
      );
      const stale = await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: clause.id, text: 'Loser.', expectedVersion: 1 } },
        w.delegateB.token,
      );
      expect(code(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions).toMatchObject({
        currentVersion: 2,
        currentText: 'Winner.',
        clauseId: clause.id,
      });
      const doc = await read(draft.id);
      expect(doc.clauses[0]).toMatchObject({ text: 'Winner.', version: 2 });
      expect(doc.version).toBe(2);
    });

    it('treats the same text again as no change: no new version', async () => {
      const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'Same.' }] });
      const res = ok(
        await t.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: draft.clauses[0].id, text: 'Same.', expectedVersion: 1 } },
          w.secretariat.token,
        ),
      ).updateClause;
      expect(res.version).toBe(1);
      expect((await read(draft.id)).version).toBe(1);
    });

    it('deletes a clause on its current version, closing the gap and renumbering', async () => {
      const draft = await createDraft(t, w.secretariat.token, {
        clauses: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }],
      });
      const stale = await t.gql(
        DELETE_CLAUSE,
        { clauseId: draft.clauses[1].id, expectedVersion: 7 },
        w.secretariat.token,
      );
      expect(code(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 1, currentText: 'Two.' });
      const doc = ok(
        await t.gql(
          DELETE_CLAUSE,
          { clauseId: draft.clauses[1].id, expectedVersion: 1 },
          w.delegateB.token,
        ),
      ).deleteClause;
      expect(doc.version).toBe(4);
      expect(
        doc.clauses.map((c: { number: string; position: number; text: string }) => [
          c.number,
          c.position,
          c.text,
        ]),
      ).toEqual([
        ['1', 1, 'One.'],
        ['2', 2, 'Three.'],
      ]);
      const again = await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: draft.clauses[1].id, text: 'Back?', expectedVersion: 2 } },
        w.secretariat.token,
      );
      expect(code(again)).toBe('NOT_FOUND');
    });

    it('records an audit event for each change', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      const id = draft.clauses[0].id;
      ok(
        await t.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: id, text: 'Changed.', expectedVersion: 1 } },
          w.secretariat.token,
        ),
      );
      ok(await t.gql(DELETE_CLAUSE, { clauseId: id, expectedVersion: 2 }, w.secretariat.token));
      expect(await auditActions(t, id)).toEqual([
        'clause.added',
        'clause.updated',
        'clause.deleted',
      ]);
    });
  });

  describe('bad input changes nothing', () => {
    let draft: Awaited<ReturnType<typeof createDraft>>;
    let other: Awaited<ReturnType<typeof createDraft>>;
    beforeAll(async () => {
      draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'Kept.' }] });
      other = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'Elsewhere.' }] });
    });

    interface Case {
      label: string;
      call: () => [string, Record<string, unknown>];
      expected: string;
      field: string;
    }
    const add = (input: Record<string, unknown>) => (): [string, Record<string, unknown>] => [
      ADD_CLAUSE,
      { input: { documentId: draft.id, kind: 'OPERATIVE', text: 'Hi', ...input } },
    ];
    const update = (input: Record<string, unknown>) => (): [string, Record<string, unknown>] => [
      UPDATE_CLAUSE,
      { input: { clauseId: draft.clauses[0].id, text: 'Hi', expectedVersion: 1, ...input } },
    ];
    const cases: Case[] = [
      {
        label: 'addClause with empty text',
        call: add({ text: '' }),
        expected: 'BAD_USER_INPUT',
        field: 'text',
      },
      {
        label: 'addClause with blank text',
        call: add({ text: '  \n ' }),
        expected: 'BAD_USER_INPUT',
        field: 'text',
      },
      {
        label: 'addClause with 1 MB of text',
        call: add({ text: ONE_MEGABYTE }),
        expected: 'BAD_USER_INPUT',
        field: 'text',
      },
      {
        label: 'addClause to an unknown document',
        call: add({ documentId: UNKNOWN }),
        expected: 'NOT_FOUND',
        field: 'documentId',
      },
      {
        label: 'addClause with a malformed documentId',
        call: add({ documentId: 'nope' }),
        expected: 'BAD_USER_INPUT',
        field: 'documentId',
      },
      {
        label: 'addClause after a clause of another document',
        call: () => add({ afterClauseId: other.clauses[0].id })(),
        expected: 'BAD_USER_INPUT',
        field: 'afterClauseId',
      },
      {
        label: 'addClause after an unknown clause',
        call: add({ afterClauseId: UNKNOWN }),
        expected: 'NOT_FOUND',
        field: 'afterClauseId',
      },
      {
        label: 'updateClause with empty text',
        call: update({ text: '' }),
        expected: 'BAD_USER_INPUT',
        field: 'text',
      },
      {
        label: 'updateClause with 1 MB of text',
        call: update({ text: ONE_MEGABYTE }),
        expected: 'BAD_USER_INPUT',
        field: 'text',
      },
      {
        label: 'updateClause of an unknown clause',
        call: update({ clauseId: UNKNOWN }),
        expected: 'NOT_FOUND',
        field: 'clauseId',
      },
      {
        label: 'updateClause with expectedVersion 0',
        call: update({ expectedVersion: 0 }),
        expected: 'BAD_USER_INPUT',
        field: 'expectedVersion',
      },
      {
        label: 'deleteClause of an unknown clause',
        call: () => [DELETE_CLAUSE, { clauseId: UNKNOWN, expectedVersion: 1 }],
        expected: 'NOT_FOUND',
        field: 'clauseId',
      },
    ];

    it.each(cases)('$label → $expected naming $field', async ({ call, expected, field }) => {
      const before = await read(draft.id);
      const [query, variables] = call();
      const res = await t.gql(query, variables, w.secretariat.token);
      expect(code(res)).toBe(expected);
      expect(res.errors![0].extensions.field).toBe(field);
      expect(await read(draft.id)).toEqual(before);
    });
  });

  describe('who edits what, when', () => {
    type Member =
      | 'admin'
      | 'secretariat'
      | 'headA'
      | 'delegateA'
      | 'headB'
      | 'delegateB'
      | 'observerA'
      | 'companyDelegate'
      | 'outsider';
    const EDITORS: [string, Member][] = [
      ['admin', 'admin'],
      ['secretariat', 'secretariat'],
      ['head of an eligible delegation', 'headA'],
      ['delegate of an eligible delegation', 'delegateA'],
      ['head of another eligible delegation', 'headB'],
      ['delegate of another eligible delegation', 'delegateB'],
    ];
    const NON_EDITORS: [string, Member][] = [
      ['observer', 'observerA'],
      ['delegate of an ineligible company', 'companyDelegate'],
      ['user without a delegation', 'outsider'],
    ];

    /** Tries all three edits; returns each error code (undefined on success). */
    const tryEdits = async (
      token: string | null,
      status: 'DRAFT' | 'NEGOTIATION' | 'ADOPTED' | 'OPEN_FOR_SIGNATURE' | 'CLOSED',
    ) => {
      const draft = await draftIn(t, w.secretariat.token, status, {
        clauses: [{ text: 'A.' }, { text: 'B.' }],
      });
      const add = await t.gql(
        ADD_CLAUSE,
        { input: { documentId: draft.id, kind: 'OPERATIVE', text: 'C.' } },
        token,
      );
      const update = await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: draft.clauses[0].id, text: 'A2.', expectedVersion: 1 } },
        token,
      );
      const remove = await t.gql(
        DELETE_CLAUSE,
        { clauseId: draft.clauses[1].id, expectedVersion: 1 },
        token,
      );
      return { codes: [code(add), code(update), code(remove)], document: await read(draft.id) };
    };

    it.each(EDITORS)('in DRAFT, the %s edits clauses directly', async (_label, name) => {
      const { codes, document } = await tryEdits(w[name].token, 'DRAFT');
      expect(codes).toEqual([undefined, undefined, undefined]);
      expect(document.clauses.map((c: { text: string }) => c.text)).toEqual(['A2.', 'C.']);
    });

    it.each(NON_EDITORS)('in DRAFT, the %s never writes (FORBIDDEN)', async (_label, name) => {
      const { codes, document } = await tryEdits(w[name].token, 'DRAFT');
      expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(document.version).toBe(2);
    });

    it('anonymous callers are asked to sign in', async () => {
      const { codes } = await tryEdits(null, 'DRAFT');
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    });

    it.each(['NEGOTIATION', 'ADOPTED', 'OPEN_FOR_SIGNATURE', 'CLOSED'] as const)(
      'in %s nobody edits directly: INVALID_STATE for editors, FORBIDDEN for observers',
      async (status) => {
        for (const [, user] of [
          ['secretariat', w.secretariat],
          ['delegate', w.delegateA],
        ] as const) {
          const { codes, document } = await tryEdits(user.token, status);
          expect(codes).toEqual(['INVALID_STATE', 'INVALID_STATE', 'INVALID_STATE']);
          expect(document.clauses.map((c: { text: string }) => c.text)).toEqual(['A.', 'B.']);
        }
        const { codes } = await tryEdits(w.observerA.token, status);
        expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      },
    );

    it('explains why an edit in NEGOTIATION is refused', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
      const res = await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: draft.clauses[0].id, text: 'x', expectedVersion: 1 } },
        w.delegateA.token,
      );
      expect(res.errors![0].message).toMatch(/only through amendments/);
    });
  });
});
