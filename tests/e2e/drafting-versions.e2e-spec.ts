import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  ACCEPT,
  ADD_CLAUSE,
  code,
  createDraft,
  DELETE_CLAUSE,
  draftIn,
  ok,
  PROPOSE,
  UPDATE_CLAUSE,
} from './drafting-fixtures';

const VERSIONS = `query($id: ID) { document(id: $id) { version versions { number reason hash text createdAt createdBy { id } } } }`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int!) {
  documentDiff(documentId: $id, fromVersion: $from, toVersion: $to) { clauseId number change chunks { op text } }
}`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('drafting: versions and diffs', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('makes a numbered version with its canonical text and SHA-256 on every change to the text', async () => {
    const draft = await createDraft(t, w.secretariat.token, {
      title: 'Versioned text',
      clauses: [{ kind: 'HEADING', text: 'Commitments' }, { text: 'States will act.' }],
    });
    ok(
      await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: draft.clauses[1].id, text: 'States shall act.', expectedVersion: 1 } },
        w.delegateA.token,
      ),
    );
    const doc = ok(await t.gql(VERSIONS, { id: draft.id }, w.secretariat.token)).document;
    expect(doc.version).toBe(3);
    expect(
      doc.versions.map((v: { number: number; reason: string }) => [v.number, v.reason]),
    ).toEqual([
      [1, 'heading added'],
      [2, 'clause 1 added'],
      [3, 'clause 1 edited'],
    ]);
    const latest = doc.versions[2];
    expect(latest.text).toBe('Versioned text\n\n## Commitments\n1. States shall act.\n');
    expect(latest.hash).toBe(sha256(latest.text));
    expect(latest.createdBy.id).toBe(w.delegateA.id);
  });

  it('keeps versions immutable: later changes add versions and never alter earlier ones', async () => {
    const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'One.' }] });
    const before = ok(await t.gql(VERSIONS, { id: draft.id }, w.secretariat.token)).document
      .versions;
    ok(
      await t.gql(
        DELETE_CLAUSE,
        { clauseId: draft.clauses[0].id, expectedVersion: 1 },
        w.secretariat.token,
      ),
    );
    const after = ok(await t.gql(VERSIONS, { id: draft.id }, w.secretariat.token)).document
      .versions;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ number: 2, reason: 'clause 1 deleted' });
  });

  it('diffs two versions clause by clause, word by word: ADDED, REMOVED, CHANGED, UNCHANGED', async () => {
    const draft = await createDraft(t, w.secretariat.token, {
      clauses: [
        { text: 'Kept as is.' },
        { text: 'States act against vendors.' },
        { text: 'Goes away.' },
      ],
    });
    const [kept, changed, removed] = draft.clauses;
    ok(
      await t.gql(
        UPDATE_CLAUSE,
        {
          input: {
            clauseId: changed.id,
            text: 'States shall act against rogue vendors.',
            expectedVersion: 1,
          },
        },
        w.secretariat.token,
      ),
    );
    ok(
      await t.gql(DELETE_CLAUSE, { clauseId: removed.id, expectedVersion: 1 }, w.secretariat.token),
    );
    const added = ok(
      await t.gql(
        ADD_CLAUSE,
        { input: { documentId: draft.id, kind: 'OPERATIVE', text: 'Brand new.' } },
        w.secretariat.token,
      ),
    ).addClause;
    const diff = ok(
      await t.gql(DIFF, { id: draft.id, from: 3, to: 6 }, w.delegateA.token),
    ).documentDiff;
    expect(diff.map((d: { clauseId: string; change: string }) => [d.clauseId, d.change])).toEqual([
      [kept.id, 'UNCHANGED'],
      [changed.id, 'CHANGED'],
      [removed.id, 'REMOVED'],
      [added.id, 'ADDED'],
    ]);
    expect(diff[0].chunks).toEqual([{ op: 'EQUAL', text: 'Kept as is.' }]);
    expect(
      diff[1].chunks
        .filter((c: { op: string }) => c.op === 'INSERT')
        .map((c: { text: string }) => c.text.trim()),
    ).toEqual(['shall', 'rogue']);
    expect(diff[2].chunks).toEqual([{ op: 'DELETE', text: 'Goes away.' }]);
    expect(diff[3].chunks).toEqual([{ op: 'INSERT', text: 'Brand new.' }]);
    const same = ok(
      await t.gql(DIFF, { id: draft.id, from: 6, to: 6 }, w.secretariat.token),
    ).documentDiff;
    expect(same.every((d: { change: string }) => d.change === 'UNCHANGED')).toBe(true);
  });

  it('records the accepted amendment as a version of its own', async () => {
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
      clauses: [{ text: 'States will act.' }],
    });
    const amendment = ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId: draft.clauses[0].id, kind: 'REPLACE', text: 'States shall act.' } },
        w.headA.token,
      ),
    ).proposeAmendment;
    ok(await t.gql(ACCEPT, { id: amendment.id }, w.secretariat.token));
    const doc = ok(await t.gql(VERSIONS, { id: draft.id }, w.secretariat.token)).document;
    expect(doc.versions.at(-1)).toMatchObject({
      number: 2,
      reason: 'Amendment accepted: clause 1 replaced',
    });
    const diff = ok(
      await t.gql(DIFF, { id: draft.id, from: 1, to: 2 }, w.secretariat.token),
    ).documentDiff;
    expect(diff[0].chunks).toEqual([
      { op: 'EQUAL', text: 'States ' },
      { op: 'DELETE', text: 'will' },
      { op: 'INSERT', text: 'shall' },
      { op: 'EQUAL', text: ' act.' },
    ]);
  });

  describe('who sees the history', () => {
    it('gives the public only the adopted version and refuses it diffs', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'ADOPTED', {
        clauses: [{ text: 'One.' }, { text: 'Two.' }],
      });
      const publicView = ok(await t.gql(VERSIONS, { id: draft.id }, null)).document;
      expect(publicView.versions.map((v: { number: number }) => v.number)).toEqual([2]);
      expect(code(await t.gql(DIFF, { id: draft.id, from: 1, to: 2 }, null))).toBe(
        'UNAUTHENTICATED',
      );
      expect(code(await t.gql(DIFF, { id: draft.id, from: 1, to: 2 }, w.outsider.token))).toBe(
        'FORBIDDEN',
      );
      expect(
        ok(await t.gql(VERSIONS, { id: draft.id }, w.observerA.token)).document.versions,
      ).toHaveLength(2);
      expect(
        ok(await t.gql(DIFF, { id: draft.id, from: 1, to: 2 }, w.observerA.token)).documentDiff,
      ).toHaveLength(2);
    });

    it('answers a diff of a draft the caller may not see as NOT_FOUND', async () => {
      const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'One.' }] });
      const res = await t.gql(DIFF, { id: draft.id, from: 1, to: 1 }, w.companyDelegate.token);
      expect(code(res)).toBe('NOT_FOUND');
      expect(res.errors![0].extensions.field).toBe('documentId');
    });
  });

  it.each([
    [{ from: 0, to: 1 }, 'BAD_USER_INPUT', 'fromVersion'],
    [{ from: 1, to: 99 }, 'BAD_USER_INPUT', 'toVersion'],
    [{ from: 5, to: 1 }, 'BAD_USER_INPUT', 'fromVersion'],
  ])('refuses a diff of versions %j with %s naming %s', async (versions, expected, field) => {
    const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'One.' }] });
    const res = await t.gql(DIFF, { id: draft.id, ...versions }, w.secretariat.token);
    expect(code(res)).toBe(expected);
    expect(res.errors![0].extensions.field).toBe(field);
  });

  it('answers a diff of an unknown document with NOT_FOUND', async () => {
    const res = await t.gql(
      DIFF,
      { id: '00000000-0000-4000-8000-000000000000', from: 1, to: 1 },
      w.secretariat.token,
    );
    expect(code(res)).toBe('NOT_FOUND');
  });
});
