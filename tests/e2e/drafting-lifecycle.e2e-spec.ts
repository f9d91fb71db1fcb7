import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  ACCEPT,
  auditActions,
  code,
  createDraft,
  DOCUMENT,
  draftIn,
  ok,
  PROPOSE,
  REJECT,
  transition,
  TRANSITIONS,
  UPDATE_CLAUSE,
} from './drafting-fixtures';

const STATUSES = ['DRAFT', 'NEGOTIATION', 'ADOPTED', 'OPEN_FOR_SIGNATURE', 'CLOSED'] as const;
const OPERATIONS = [
  'openNegotiation',
  'adoptDocument',
  'openForSignature',
  'closeDocument',
] as const;
const NEXT: Record<(typeof OPERATIONS)[number], (typeof STATUSES)[number]> = {
  openNegotiation: 'NEGOTIATION',
  adoptDocument: 'ADOPTED',
  openForSignature: 'OPEN_FOR_SIGNATURE',
  closeDocument: 'CLOSED',
};
const ADOPT = transition(TRANSITIONS.ADOPTED);
const VERSIONS = `query($id: ID) { document(id: $id) { versions { number hash text } } }`;

describe('drafting: brackets and the lifecycle', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const read = async (id: string, token = w.secretariat.token) =>
    ok(await t.gql(DOCUMENT, { id }, token)).document;

  describe('brackets', () => {
    it('counts open brackets per clause and per document, and reports unbalanced ones rather than miscounting', async () => {
      const draft = await createDraft(t, w.secretariat.token, {
        clauses: [
          { text: 'States [will][shall] act.' },
          { text: 'No brackets here.' },
          { text: 'States [will [promptly] report].' },
        ],
      });
      const doc = await read(draft.id);
      expect(doc.clauses.map((c: { openBrackets: number }) => c.openBrackets)).toEqual([2, 0, 2]);
      expect(doc).toMatchObject({ openBrackets: 4, bracketsBalanced: true });
      ok(
        await t.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: draft.clauses[1].id, text: 'Never [closed.', expectedVersion: 1 } },
          w.secretariat.token,
        ),
      );
      const after = await read(draft.id);
      expect(after.clauses[1]).toMatchObject({ openBrackets: 0, bracketsBalanced: false });
      expect(after).toMatchObject({ openBrackets: 4, bracketsBalanced: false });
    });
  });

  describe('steps', () => {
    it('goes forward one step at a time, by the secretariat, each step audited', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      for (const operation of OPERATIONS) {
        const doc = ok(await t.gql(transition(operation), { id: draft.id }, w.secretariat.token))[
          operation
        ];
        expect(doc.status).toBe(NEXT[operation]);
      }
      expect(await auditActions(t, draft.id)).toEqual([
        'document.created',
        'document.negotiationOpened',
        'document.adopted',
        'document.openedForSignature',
        'document.closed',
      ]);
    });

    it.each(STATUSES)(
      'from %s, only the next step is allowed; the others are INVALID_STATE and change nothing',
      async (status) => {
        for (const operation of OPERATIONS) {
          const draft = await draftIn(
            t,
            w.secretariat.token,
            status === 'DRAFT' ? 'DRAFT' : status,
          );
          const res = await t.gql(transition(operation), { id: draft.id }, w.admin.token);
          const allowed = STATUSES.indexOf(NEXT[operation]) === STATUSES.indexOf(status) + 1;
          if (allowed) {
            expect(res.data![operation].status).toBe(NEXT[operation]);
          } else {
            expect(code(res)).toBe('INVALID_STATE');
            expect((await read(draft.id)).status).toBe(status);
          }
        }
      },
    );

    it('is refused to everyone but the secretariat and admins', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      for (const user of [w.headA, w.delegateA, w.observerA, w.companyDelegate, w.outsider]) {
        expect(code(await t.gql(transition('openNegotiation'), { id: draft.id }, user.token))).toBe(
          'FORBIDDEN',
        );
      }
      expect(code(await t.gql(transition('openNegotiation'), { id: draft.id }, null))).toBe(
        'UNAUTHENTICATED',
      );
      expect((await read(draft.id)).status).toBe('DRAFT');
    });

    it('does not open negotiation on a document without clauses', async () => {
      const empty = await createDraft(t, w.secretariat.token, { clauses: [] });
      const res = await t.gql(transition('openNegotiation'), { id: empty.id }, w.secretariat.token);
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/no clauses/);
    });

    it('answers unknown and malformed document ids', async () => {
      const unknown = await t.gql(
        transition('closeDocument'),
        { id: '00000000-0000-4000-8000-000000000000' },
        w.secretariat.token,
      );
      expect(code(unknown)).toBe('NOT_FOUND');
      expect(unknown.errors![0].extensions.field).toBe('documentId');
      expect(
        code(await t.gql(transition('closeDocument'), { id: '42' }, w.secretariat.token)),
      ).toBe('BAD_USER_INPUT');
    });

    it('serializes concurrent transitions of one document: exactly one of ten wins', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.gql(transition('openNegotiation'), { id: draft.id }, w.secretariat.token),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => code(r) === 'INVALID_STATE')).toHaveLength(9);
      expect(await auditActions(t, draft.id)).toEqual([
        'document.created',
        'document.negotiationOpened',
      ]);
    });
  });

  describe('adoption', () => {
    it('is refused while brackets are open, saying so', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        clauses: [{ text: 'Agreed.' }, { text: 'States [will][shall] act.' }],
      });
      const res = await t.gql(ADOPT, { id: draft.id }, w.secretariat.token);
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/2 bracketed passages are still open \(clause 2\)/);
      expect(res.errors![0].extensions).toMatchObject({ openBrackets: 2 });
      expect((await read(draft.id)).status).toBe('NEGOTIATION');
    });

    it('is refused while brackets are unbalanced, saying so', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        clauses: [{ text: 'Stray ] bracket.' }],
      });
      const res = await t.gql(ADOPT, { id: draft.id }, w.secretariat.token);
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/unbalanced in clause 1/);
    });

    it('is refused while an amendment is still PROPOSED, saying so', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
      const { id } = ok(
        await t.gql(
          PROPOSE,
          { input: { clauseId: draft.clauses[0].id, kind: 'DELETE' } },
          w.delegateA.token,
        ),
      ).proposeAmendment;
      const res = await t.gql(ADOPT, { id: draft.id }, w.secretariat.token);
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/1 amendment is still PROPOSED/);
      ok(await t.gql(REJECT, { id }, w.secretariat.token));
      expect(
        ok(await t.gql(ADOPT, { id: draft.id }, w.secretariat.token)).adoptDocument.status,
      ).toBe('ADOPTED');
    });

    it('freezes the text: adoptedHash is the latest version’s hash, and never changes after', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION', {
        title: 'Frozen text',
        clauses: [{ kind: 'HEADING', text: 'Commitments' }, { text: 'States [will][shall] act.' }],
      });
      // Negotiation resolves the brackets through an accepted amendment.
      const { id } = ok(
        await t.gql(
          PROPOSE,
          { input: { clauseId: draft.clauses[1].id, kind: 'REPLACE', text: 'States shall act.' } },
          w.headB.token,
        ),
      ).proposeAmendment;
      ok(await t.gql(ACCEPT, { id }, w.secretariat.token));
      const adopted = ok(await t.gql(ADOPT, { id: draft.id }, w.secretariat.token)).adoptDocument;
      const versions = ok(await t.gql(VERSIONS, { id: draft.id }, w.secretariat.token)).document
        .versions;
      const latest = versions.at(-1);
      expect(adopted).toMatchObject({
        status: 'ADOPTED',
        adoptedVersion: latest.number,
        adoptedHash: latest.hash,
        version: 3,
      });
      expect(adopted.adoptedAt).toBeTruthy();
      expect(latest.text).toBe('Frozen text\n\n## Commitments\n1. States shall act.\n');
      expect(latest.hash).toBe(createHash('sha256').update(latest.text).digest('hex'));

      // Nothing changes it any more.
      const edit = await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: draft.clauses[1].id, text: 'States may act.', expectedVersion: 2 } },
        w.secretariat.token,
      );
      expect(code(edit)).toBe('INVALID_STATE');
      const amend = await t.gql(
        PROPOSE,
        { input: { clauseId: draft.clauses[1].id, kind: 'DELETE' } },
        w.delegateA.token,
      );
      expect(code(amend)).toBe('INVALID_STATE');
      for (const operation of ['openForSignature', 'closeDocument'] as const) {
        const doc = ok(await t.gql(transition(operation), { id: draft.id }, w.secretariat.token))[
          operation
        ];
        expect(doc).toMatchObject({
          adoptedHash: adopted.adoptedHash,
          adoptedVersion: adopted.adoptedVersion,
          adoptedAt: adopted.adoptedAt,
          version: 3,
        });
      }
    });

    it('never lets an amendment slip in beside a concurrent adoption', async () => {
      for (let round = 0; round < 5; round++) {
        const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
        const [adopt, propose] = await Promise.all([
          t.gql(ADOPT, { id: draft.id }, w.secretariat.token),
          t.gql(
            PROPOSE,
            { input: { clauseId: draft.clauses[0].id, kind: 'DELETE' } },
            w.delegateA.token,
          ),
        ]);
        // One of them got there first; the other was refused by what the first did.
        expect([code(adopt), code(propose)].sort()).toEqual([undefined, 'INVALID_STATE'].sort());
        const proposed = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM amendments a JOIN documents d ON d.id = a."documentId"
           WHERE d.id = $1 AND d.status = 'ADOPTED' AND a.status = 'PROPOSED'`,
          [draft.id],
        );
        expect(proposed[0].n).toBe(0);
      }
    });
  });
});
