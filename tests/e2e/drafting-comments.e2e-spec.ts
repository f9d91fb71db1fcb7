import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  ADD_COMMENT,
  auditActions,
  code,
  createDraft,
  draftIn,
  ok,
  RESOLVE_COMMENT,
} from './drafting-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const THREADS = `query($id: ID) { document(id: $id) { clauses { id comments {
  id body resolved author { id } participant { id }
  replies { id body author { id } replies { id body } }
} } } }`;

describe('drafting: comments', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const comment = (token: string | null, clauseId: string, body: string, parentId?: string) =>
    t.gql(ADD_COMMENT, { clauseId, body, parentId }, token);

  it('threads replies under their comment, with author and delegation', async () => {
    const draft = await createDraft(t, w.secretariat.token);
    const clauseId = draft.clauses[0].id;
    const root = ok(await comment(w.delegateA.token, clauseId, '  Too weak?  ')).addComment;
    expect(root).toMatchObject({
      body: 'Too weak?',
      resolved: false,
      parentId: null,
      author: { id: w.delegateA.id },
      participant: { id: w.stateA.id },
    });
    const reply = ok(await comment(w.headB.token, clauseId, 'Agreed.', root.id)).addComment;
    ok(await comment(w.secretariat.token, clauseId, 'Noted.', reply.id));
    ok(await comment(w.delegateB.token, clauseId, 'Separate point.'));
    const [clause] = ok(await t.gql(THREADS, { id: draft.id }, w.observerA.token)).document.clauses;
    expect(clause.comments.map((c: { body: string }) => c.body)).toEqual([
      'Too weak?',
      'Separate point.',
    ]);
    expect(clause.comments[0].replies).toEqual([
      {
        id: reply.id,
        body: 'Agreed.',
        author: { id: w.headB.id },
        replies: [expect.objectContaining({ body: 'Noted.' })],
      },
    ]);
    expect(await auditActions(t, root.id)).toEqual(['comment.added']);
  });

  it('records the secretariat’s comments without a delegation', async () => {
    const draft = await createDraft(t, w.secretariat.token);
    const res = ok(
      await comment(w.secretariat.token, draft.clauses[0].id, 'Pen holder note.'),
    ).addComment;
    expect(res.participant).toBeNull();
  });

  it('lets the author or the secretariat resolve, once', async () => {
    const draft = await createDraft(t, w.secretariat.token);
    const mine = ok(await comment(w.delegateA.token, draft.clauses[0].id, 'Fix typo.')).addComment;
    for (const user of [w.headA, w.delegateB, w.observerA, w.outsider]) {
      expect(code(await t.gql(RESOLVE_COMMENT, { id: mine.id }, user.token))).toBe('FORBIDDEN');
    }
    const resolved = ok(
      await t.gql(RESOLVE_COMMENT, { id: mine.id }, w.delegateA.token),
    ).resolveComment;
    expect(resolved.resolved).toBe(true);
    expect(resolved.resolvedAt).toBeTruthy();
    expect(code(await t.gql(RESOLVE_COMMENT, { id: mine.id }, w.secretariat.token))).toBe(
      'INVALID_STATE',
    );
    const other = ok(await comment(w.headB.token, draft.clauses[0].id, 'Another.')).addComment;
    expect(
      ok(await t.gql(RESOLVE_COMMENT, { id: other.id }, w.secretariat.token)).resolveComment
        .resolved,
    ).toBe(true);
    expect(await auditActions(t, mine.id)).toEqual(['comment.added', 'comment.resolved']);
  });

  it('is for those who may write on the draft; observers only read', async () => {
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
    const clauseId = draft.clauses[0].id;
    for (const user of [w.admin, w.secretariat, w.headA, w.delegateA, w.headB, w.delegateB]) {
      expect(code(await comment(user.token, clauseId, 'Hello.'))).toBeUndefined();
    }
    for (const user of [w.observerA, w.companyDelegate, w.outsider]) {
      expect(code(await comment(user.token, clauseId, 'Hello.'))).toBe('FORBIDDEN');
    }
    expect(code(await comment(null, clauseId, 'Hello.'))).toBe('UNAUTHENTICATED');
  });

  it('stops once the text is adopted', async () => {
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
    const open = ok(
      await comment(w.delegateA.token, draft.clauses[0].id, 'Before adoption.'),
    ).addComment;
    ok(
      await t.gql(
        'mutation($id: ID!) { adoptDocument(documentId: $id) { id } }',
        { id: draft.id },
        w.secretariat.token,
      ),
    );
    expect(code(await comment(w.delegateA.token, draft.clauses[0].id, 'After.'))).toBe(
      'INVALID_STATE',
    );
    expect(code(await t.gql(RESOLVE_COMMENT, { id: open.id }, w.delegateA.token))).toBe(
      'INVALID_STATE',
    );
  });

  it('shows comments to those who see the draft, and not to the public once adopted', async () => {
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
    ok(await comment(w.delegateA.token, draft.clauses[0].id, 'Internal remark.'));
    ok(
      await t.gql(
        'mutation($id: ID!) { adoptDocument(documentId: $id) { id } }',
        { id: draft.id },
        w.secretariat.token,
      ),
    );
    expect(
      ok(await t.gql(THREADS, { id: draft.id }, w.observerA.token)).document.clauses[0].comments,
    ).toHaveLength(1);
    expect(ok(await t.gql(THREADS, { id: draft.id }, null)).document.clauses[0].comments).toEqual(
      [],
    );
    expect(
      ok(await t.gql(THREADS, { id: draft.id }, w.outsider.token)).document.clauses[0].comments,
    ).toEqual([]);
  });

  describe('bad input', () => {
    let draft: Awaited<ReturnType<typeof createDraft>>;
    let other: Awaited<ReturnType<typeof createDraft>>;
    beforeAll(async () => {
      draft = await createDraft(t, w.secretariat.token, {
        clauses: [{ text: 'A.' }, { text: 'B.' }],
      });
      other = await createDraft(t, w.secretariat.token);
    });

    it.each([
      ['an empty body', 'BAD_USER_INPUT', 'body', () => [draft.clauses[0].id, '', undefined]],
      ['a blank body', 'BAD_USER_INPUT', 'body', () => [draft.clauses[0].id, '   ', undefined]],
      [
        'a body over 10 000 characters',
        'BAD_USER_INPUT',
        'body',
        () => [draft.clauses[0].id, 'b'.repeat(10_001), undefined],
      ],
      ['an unknown clause', 'NOT_FOUND', 'clauseId', () => [UNKNOWN, 'Hi', undefined]],
      ['an unknown parent', 'NOT_FOUND', 'parentId', () => [draft.clauses[0].id, 'Hi', UNKNOWN]],
      [
        'a parent on another clause',
        'BAD_USER_INPUT',
        'parentId',
        () => [draft.clauses[1].id, 'Hi', 'PARENT'],
      ],
      [
        'a parent on another document',
        'BAD_USER_INPUT',
        'parentId',
        () => [other.clauses[0].id, 'Hi', 'PARENT'],
      ],
    ] as [string, string, string, () => [string, string, string | undefined]][])(
      'refuses %s with %s naming %s, adding nothing',
      async (_label, expected, field, args) => {
        const parent = ok(
          await comment(w.delegateA.token, draft.clauses[0].id, 'Parent.'),
        ).addComment;
        const count = async () =>
          (await t.dataSource.query('SELECT count(*)::int AS n FROM comments'))[0].n;
        const before = await count();
        const [clauseId, body, parentId] = args();
        const res = await comment(
          w.delegateA.token,
          clauseId,
          body,
          parentId === 'PARENT' ? parent.id : parentId,
        );
        expect(code(res)).toBe(expected);
        expect(res.errors![0].extensions.field).toBe(field);
        expect(await count()).toBe(before);
      },
    );

    it('refuses to resolve an unknown comment', async () => {
      const res = await t.gql(RESOLVE_COMMENT, { id: UNKNOWN }, w.secretariat.token);
      expect(code(res)).toBe('NOT_FOUND');
      expect(res.errors![0].extensions.field).toBe('commentId');
    });
  });
});
