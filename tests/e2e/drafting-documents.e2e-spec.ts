import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  auditActions,
  code,
  CREATE_DOCUMENT,
  DOCUMENT,
  DOCUMENT_FIELDS,
  draftIn,
  ok,
} from './drafting-fixtures';

const DOCUMENTS = `query($status: DocumentStatus) { documents(status: $status) { id status } }`;

describe('drafting: documents and who sees them', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const create = (input: Record<string, unknown>, token = w.secretariat.token) =>
    t.gql(
      CREATE_DOCUMENT,
      { input: { kind: 'DECLARATION', eligibleKinds: ['STATE'], ...input } },
      token,
    );

  describe('createDocument', () => {
    it('derives the slug from the title with slugify, and keeps it unique with a suffix', async () => {
      const title = 'Pall Mall Process: Code of Practice — for States (2025)!';
      const first = ok(await create({ title })).createDocument;
      const second = ok(await create({ title })).createDocument;
      const third = ok(await create({ title })).createDocument;
      expect(first).toMatchObject({
        slug: 'pall-mall-process-code-of-practice-for-states-2025',
        title,
        kind: 'DECLARATION',
        status: 'DRAFT',
        eligibleKinds: ['STATE'],
        version: 0,
        openBrackets: 0,
        adoptedHash: null,
      });
      expect(second.slug).toBe(`${first.slug}-2`);
      expect(third.slug).toBe(`${first.slug}-3`);
    });

    it('falls back to "document" when the title has nothing to slug', async () => {
      expect(ok(await create({ title: '!!! ???' })).createDocument.slug).toMatch(
        /^document(-\d+)?$/,
      );
    });

    it('takes a given slug, and refuses one already taken with CONFLICT naming the field', async () => {
      ok(await create({ title: 'Chosen', slug: 'chosen-slug' }));
      const again = await create({ title: 'Other', slug: 'chosen-slug' });
      expect(code(again)).toBe('CONFLICT');
      expect(again.errors![0].extensions.field).toBe('slug');
    });

    it.each([
      ['an empty title', { title: '' }, 'title'],
      ['a blank title', { title: '   ' }, 'title'],
      ['a title over 500 characters', { title: 'x'.repeat(501) }, 'title'],
      ['a slug that is not lowercase words', { title: 'Ok', slug: 'Not A Slug' }, 'slug'],
      ['a slug over 120 characters', { title: 'Ok', slug: 'a'.repeat(121) }, 'slug'],
      ['no eligible kinds', { title: 'Ok', eligibleKinds: [] }, 'eligibleKinds'],
      ['an unknown eligible kind', { title: 'Ok', eligibleKinds: ['PLANET'] }, null],
    ])('refuses %s with BAD_USER_INPUT, creating nothing', async (_label, input, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM documents');
      const res = await create(input);
      expect(code(res)).toBe('BAD_USER_INPUT');
      if (field) expect(res.errors![0].extensions.field).toBe(field);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM documents')).toEqual(before);
    });

    it('is for the secretariat and admins only', async () => {
      for (const user of [w.admin, w.secretariat]) {
        expect(ok(await create({ title: 'Staff text' }, user.token)).createDocument.status).toBe(
          'DRAFT',
        );
      }
      for (const user of [w.headA, w.delegateA, w.observerA, w.companyDelegate, w.outsider]) {
        expect(code(await create({ title: 'Not allowed' }, user.token))).toBe('FORBIDDEN');
      }
      expect(code(await create({ title: 'Anonymous' }, null as unknown as string))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('records an audit event in the same transaction', async () => {
      const document = ok(await create({ title: 'Audited' })).createDocument;
      expect(await auditActions(t, document.id)).toEqual(['document.created']);
    });
  });

  describe('visibility', () => {
    let stateDraft: string;
    let companyDraft: string;
    let adopted: string;
    beforeAll(async () => {
      stateDraft = (await draftIn(t, w.secretariat.token, 'NEGOTIATION')).id;
      companyDraft = (
        await draftIn(t, w.secretariat.token, 'DRAFT', { eligibleKinds: ['COMPANY'] })
      ).id;
      adopted = (await draftIn(t, w.secretariat.token, 'ADOPTED')).id;
    });

    const visibleTo = async (token: string | null) => {
      const ids = ok(await t.gql(DOCUMENTS, {}, token)).documents.map((d: { id: string }) => d.id);
      return [stateDraft, companyDraft, adopted].filter((id) => ids.includes(id));
    };

    it('shows drafts to the secretariat and to members of eligible participants, observers included', async () => {
      expect(await visibleTo(w.secretariat.token)).toEqual([stateDraft, companyDraft, adopted]);
      expect(await visibleTo(w.admin.token)).toEqual([stateDraft, companyDraft, adopted]);
      for (const user of [w.headA, w.delegateA, w.observerA, w.headB, w.delegateB]) {
        expect(await visibleTo(user.token)).toEqual([stateDraft, adopted]);
      }
      expect(await visibleTo(w.companyDelegate.token)).toEqual([companyDraft, adopted]);
    });

    it('shows the public and users without a delegation only adopted documents', async () => {
      expect(await visibleTo(null)).toEqual([adopted]);
      expect(await visibleTo(w.outsider.token)).toEqual([adopted]);
    });

    it('filters by status', async () => {
      const res = ok(await t.gql(DOCUMENTS, { status: 'ADOPTED' }, w.secretariat.token));
      expect(res.documents.every((d: { status: string }) => d.status === 'ADOPTED')).toBe(true);
      expect(res.documents.map((d: { id: string }) => d.id)).toContain(adopted);
    });

    it('answers document(id|slug) of an invisible draft with null, as if it did not exist', async () => {
      const slug = ok(await t.gql(DOCUMENT, { id: stateDraft }, w.secretariat.token)).document.slug;
      for (const token of [null, w.outsider.token, w.companyDelegate.token]) {
        expect(ok(await t.gql(DOCUMENT, { id: stateDraft }, token)).document).toBeNull();
        expect(ok(await t.gql(DOCUMENT, { slug }, token)).document).toBeNull();
      }
      expect(ok(await t.gql(DOCUMENT, { slug }, w.observerA.token)).document.id).toBe(stateDraft);
      expect(ok(await t.gql(DOCUMENT, { id: adopted }, null)).document.status).toBe('ADOPTED');
    });

    it('answers an unknown id or slug with null, a malformed id with BAD_USER_INPUT, no argument with BAD_USER_INPUT', async () => {
      const token = w.secretariat.token;
      expect(
        ok(await t.gql(DOCUMENT, { id: '00000000-0000-4000-8000-000000000000' }, token)).document,
      ).toBeNull();
      expect(ok(await t.gql(DOCUMENT, { slug: 'no-such-document' }, token)).document).toBeNull();
      const malformed = await t.gql(DOCUMENT, { id: 'not-an-id' }, token);
      expect(code(malformed)).toBe('BAD_USER_INPUT');
      expect(malformed.errors![0].extensions.field).toBe('id');
      const none = await t.gql(DOCUMENT, {}, token);
      expect(code(none)).toBe('BAD_USER_INPUT');
      expect(none.errors![0].extensions.field).toBe('id');
    });

    it('answers null when id and slug name different documents', async () => {
      const slug = ok(await t.gql(DOCUMENT, { id: adopted }, null)).document.slug;
      expect(
        ok(await t.gql(DOCUMENT, { id: stateDraft, slug }, w.secretariat.token)).document,
      ).toBeNull();
    });

    it('returns the fields of the contract', async () => {
      const doc = ok(
        await t.gql(
          `query($id: ID) { document(id: $id) { ${DOCUMENT_FIELDS} versions { number } amendments { id } } }`,
          { id: adopted },
          null,
        ),
      ).document;
      expect(doc).toMatchObject({ status: 'ADOPTED', version: 1, adoptedVersion: 1 });
      expect(doc.adoptedHash).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.versions).toEqual([{ number: 1 }]);
      expect(doc.amendments).toEqual([]);
    });
  });
});
