import { authenticText, canonicalText, DocumentsReader, sha256Hex } from '@accord/drafting';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { BATCH_JITTER, countQueries } from '../support/count-queries';
import { createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import {
  auditActions,
  code,
  createDraft,
  Draft,
  draftIn,
  ok,
  transition,
  TRANSITIONS,
  UPDATE_CLAUSE,
} from './drafting-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id languages } }`;
const SET_LANGUAGES = `mutation($id: ID!, $languages: [String!]!) {
  setDocumentLanguages(documentId: $id, languages: $languages) { id languages version }
}`;
const TRANSLATE = `mutation($clauseId: ID!, $language: String!, $text: String!, $sourceVersion: Int!) {
  setClauseTranslation(clauseId: $clauseId, language: $language, text: $text, sourceVersion: $sourceVersion) {
    language text sourceVersion stale updatedAt updatedBy { id }
  }
}`;
const SET_TITLE = `mutation($id: ID!, $language: String!, $title: String!) {
  setDocumentTitle(documentId: $id, language: $language, title: $title) { id version title fr: title(language: "fr") }
}`;
const READ = `query($id: ID!) {
  document(id: $id) {
    id version status languages adoptedHash title
    translationStatus { language current stale missing }
    clauses { id number version text translations { language text sourceVersion stale updatedBy { id } } }
  }
}`;
const READ_FR = `query($id: ID!, $language: String!) {
  document(id: $id) { title(language: $language) clauses { translation(language: $language) { text stale } } }
}`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int!, $language: String) {
  documentDiff(documentId: $id, fromVersion: $from, toVersion: $to, language: $language) {
    number change chunks { op text }
  }
}`;

describe('drafting: authentic languages', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const read = async (id: string, token: string | null = w.secretariat.token) =>
    ok(await t.gql(READ, { id }, token)).document;
  const setLanguages = (id: string, languages: string[], token = w.secretariat.token) =>
    t.gql(SET_LANGUAGES, { id, languages }, token);
  const translate = (
    clause: { id: string; version: number },
    text: string,
    token: string | null = w.secretariat.token,
    language = 'fr',
    sourceVersion = clause.version,
  ) => t.gql(TRANSLATE, { clauseId: clause.id, language, text, sourceVersion }, token);
  /** A DRAFT in English and French with two clauses, nothing translated yet. */
  const bilingual = async (options: Parameters<typeof createDraft>[2] = {}): Promise<Draft> => {
    const draft = await createDraft(t, w.secretariat.token, {
      clauses: [{ text: 'States will act.' }, { text: 'States will report.' }],
      ...options,
    });
    ok(await setLanguages(draft.id, ['en', 'fr']));
    return draft;
  };
  /** Translates every clause and the title into French: the document may be adopted. */
  const translateAll = async (draft: Draft) => {
    for (const [i, clause] of (await read(draft.id)).clauses.entries()) {
      ok(await translate(clause, `Texte français ${i + 1}.`));
    }
    ok(
      await t.gql(SET_TITLE, { id: draft.id, language: 'fr', title: 'Titre' }, w.secretariat.token),
    );
  };

  describe('languages of a document', () => {
    const input = { title: 'Languages', kind: 'STATEMENT', eligibleKinds: ['STATE'] };

    it('are ["en"] by default, and kept as given in canonical lowercase, the first leading', async () => {
      const plain = ok(await t.gql(CREATE, { input }, w.secretariat.token)).createDocument;
      expect(plain.languages).toEqual(['en']);
      const regional = ok(
        await t.gql(
          CREATE,
          { input: { ...input, languages: ['FR', 'en-GB'] } },
          w.secretariat.token,
        ),
      ).createDocument;
      expect(regional.languages).toEqual(['fr', 'en-gb']);
    });

    it.each([
      [['en', 'xx'], /"xx" is not a language code/],
      [['en', 'zh-Hant'], /not a language code/],
      [['en', 'fr', 'FR'], /"fr" twice/],
      [[], /at least one/],
    ])('refuses %p with BAD_USER_INPUT naming languages', async (languages, message) => {
      const res = await t.gql(CREATE, { input: { ...input, languages } }, w.secretariat.token);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('languages');
      expect(res.errors![0].message).toMatch(message);
    });

    it('are set by the secretariat in DRAFT and NEGOTIATION, recording a version and an audit event', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      const set = ok(await setLanguages(draft.id, ['en', 'fr'])).setDocumentLanguages;
      expect(set).toMatchObject({ languages: ['en', 'fr'], version: 2 });
      expect(await auditActions(t, draft.id)).toContain('document.languagesSet');
      const negotiating = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
      expect(
        ok(await setLanguages(negotiating.id, ['en', 'es'])).setDocumentLanguages.languages,
      ).toEqual(['en', 'es']);
    });

    it.each([
      ['admin', undefined],
      ['headA', 'FORBIDDEN'],
      ['delegateA', 'FORBIDDEN'],
      ['observerA', 'FORBIDDEN'],
      ['outsider', 'FORBIDDEN'],
    ] as const)('by %s: %s', async (who, expected) => {
      const draft = await createDraft(t, w.secretariat.token);
      expect(code(await setLanguages(draft.id, ['en', 'fr'], w[who].token))).toBe(expected);
    });

    it('are refused to the anonymous, on an adopted text, and for an unknown document', async () => {
      const draft = await createDraft(t, w.secretariat.token);
      expect(code(await t.gql(SET_LANGUAGES, { id: draft.id, languages: ['en'] }, null))).toBe(
        'UNAUTHENTICATED',
      );
      const adopted = await draftIn(t, w.secretariat.token, 'ADOPTED');
      const res = await setLanguages(adopted.id, ['en', 'fr']);
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/DRAFT or NEGOTIATION/);
      expect(code(await setLanguages(UNKNOWN, ['en']))).toBe('NOT_FOUND');
    });

    it('keep the language of negotiation first once the document has clauses', async () => {
      const draft = await bilingual();
      const res = await setLanguages(draft.id, ['fr', 'en']);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe('languages');
      const empty = ok(
        await t.gql(CREATE, { input: { ...input, languages: ['en'] } }, w.secretariat.token),
      ).createDocument;
      expect(ok(await setLanguages(empty.id, ['fr', 'en'])).setDocumentLanguages.languages).toEqual(
        ['fr', 'en'],
      );
    });

    it('keeps the translations of a language removed, hidden until it is declared again', async () => {
      const draft = await bilingual();
      ok(await translate(draft.clauses[0], 'Les États agiront.'));
      ok(await setLanguages(draft.id, ['en']));
      const without = await read(draft.id);
      expect(without.translationStatus).toEqual([
        { language: 'en', current: 2, stale: 0, missing: 0 },
      ]);
      expect(without.clauses[0].translations.map((x: { language: string }) => x.language)).toEqual([
        'en',
      ]);
      const hidden = ok(
        await t.gql(READ_FR, { id: draft.id, language: 'fr' }, w.secretariat.token),
      );
      expect(hidden.document.clauses[0].translation).toBeNull();
      ok(await setLanguages(draft.id, ['en', 'fr']));
      const again = await read(draft.id);
      expect(again.clauses[0].translations[1]).toMatchObject({
        language: 'fr',
        text: 'Les États agiront.',
        stale: false,
      });
    });
  });

  describe('setClauseTranslation', () => {
    it('stores the text with its sourceVersion, records a version and an audit event', async () => {
      const draft = await bilingual();
      const before = (await read(draft.id)).version;
      const res = ok(await translate(draft.clauses[0], 'Les États agiront.')).setClauseTranslation;
      expect(res).toMatchObject({
        language: 'fr',
        text: 'Les États agiront.',
        sourceVersion: 1,
        stale: false,
        updatedBy: { id: w.secretariat.id },
      });
      const doc = await read(draft.id);
      expect(doc.version).toBe(before + 1);
      expect(doc.clauses[0].translations).toEqual([
        {
          language: 'en',
          text: 'States will act.',
          sourceVersion: 1,
          stale: false,
          updatedBy: null,
        },
        {
          language: 'fr',
          text: 'Les États agiront.',
          sourceVersion: 1,
          stale: false,
          updatedBy: { id: w.secretariat.id },
        },
      ]);
      expect(await auditActions(t, draft.clauses[0].id)).toContain('clause.translated');
      // The same text again changes nothing.
      ok(await translate(draft.clauses[0], 'Les États agiront.'));
      expect((await read(draft.id)).version).toBe(before + 1);
    });

    it.each([
      ['secretariat', 'DRAFT', undefined],
      ['headA', 'DRAFT', undefined],
      ['delegateA', 'DRAFT', undefined],
      ['observerA', 'DRAFT', 'FORBIDDEN'],
      ['outsider', 'DRAFT', 'FORBIDDEN'],
      ['companyDelegate', 'DRAFT', 'FORBIDDEN'],
      ['secretariat', 'NEGOTIATION', undefined],
      ['delegateA', 'NEGOTIATION', 'INVALID_STATE'],
      ['observerA', 'NEGOTIATION', 'FORBIDDEN'],
    ] as const)('by %s in %s: %s', async (who, status, expected) => {
      const draft = await bilingual();
      if (status === 'NEGOTIATION')
        ok(await t.gql(transition(TRANSITIONS.NEGOTIATION), { id: draft.id }, w.secretariat.token));
      expect(code(await translate(draft.clauses[0], 'Texte.', w[who].token))).toBe(expected);
    });

    it('is refused to the anonymous and on an adopted text', async () => {
      const draft = await bilingual();
      expect(code(await translate(draft.clauses[0], 'Texte.', null))).toBe('UNAUTHENTICATED');
      await translateAll(draft);
      ok(await t.gql(transition(TRANSITIONS.NEGOTIATION), { id: draft.id }, w.secretariat.token));
      ok(await t.gql(transition(TRANSITIONS.ADOPTED), { id: draft.id }, w.secretariat.token));
      const res = await translate(draft.clauses[0], 'Autre texte.');
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(/frozen/);
    });

    it.each([
      ['xx', 'language', /not a language code/],
      ['de', 'language', /not an authentic language of this document \(en, fr\)/],
      ['en', 'language', /language of negotiation/],
    ])('refuses language %p: BAD_USER_INPUT naming %s', async (language, field, message) => {
      const draft = await bilingual();
      const res = await translate(draft.clauses[0], 'Texte.', w.secretariat.token, language);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.field).toBe(field);
      expect(res.errors![0].message).toMatch(message);
    });

    it('refuses a sourceVersion the clause never had (BAD_USER_INPUT) and an older one (CONFLICT with the current text)', async () => {
      const draft = await bilingual();
      const future = await translate(draft.clauses[0], 'Texte.', w.secretariat.token, 'fr', 2);
      expect(code(future)).toBe('BAD_USER_INPUT');
      expect(future.errors![0].extensions.field).toBe('sourceVersion');
      ok(
        await t.gql(
          UPDATE_CLAUSE,
          {
            input: { clauseId: draft.clauses[0].id, text: 'States shall act.', expectedVersion: 1 },
          },
          w.secretariat.token,
        ),
      );
      const old = await translate(draft.clauses[0], 'Texte.', w.secretariat.token, 'fr', 1);
      expect(code(old)).toBe('CONFLICT');
      expect(old.errors![0].extensions).toMatchObject({
        field: 'sourceVersion',
        currentVersion: 2,
        currentText: 'States shall act.',
      });
      const zero = await translate(draft.clauses[0], 'Texte.', w.secretariat.token, 'fr', 0);
      expect(code(zero)).toBe('BAD_USER_INPUT');
    });

    it('refuses an empty text, an unknown clause and a removed one', async () => {
      const draft = await bilingual();
      expect(code(await translate(draft.clauses[0], '   '))).toBe('BAD_USER_INPUT');
      expect(code(await translate({ id: UNKNOWN, version: 1 }, 'Texte.'))).toBe('NOT_FOUND');
    });
  });

  describe('drift alarm', () => {
    it('marks a translation stale when its clause changes, counts it, and tells documentChanged subscribers', async () => {
      const draft = await bilingual();
      ok(await translate(draft.clauses[0], 'Les États agiront.'));
      ok(await translate(draft.clauses[1], 'Les États feront rapport.'));
      expect((await read(draft.id)).translationStatus).toEqual([
        { language: 'en', current: 2, stale: 0, missing: 0 },
        { language: 'fr', current: 2, stale: 0, missing: 0 },
      ]);
      const events: { translationStatus: { language: string; stale: number }[] }[] = [];
      const client = createClient({
        url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${w.delegateA.token}` },
        retryAttempts: 0,
      });
      let heard!: () => void;
      const arrived = new Promise<void>((resolve) => (heard = resolve));
      const subscribed = new Promise<void>((resolve) => client.on('connected', () => resolve()));
      const unsubscribe = client.subscribe<{ documentChanged: (typeof events)[number] }>(
        {
          query: `subscription($id: ID!) { documentChanged(documentId: $id) { translationStatus { language stale } } }`,
          variables: { id: draft.id },
        },
        {
          next: (r) => {
            events.push(r.data!.documentChanged);
            heard();
          },
          error: () => heard(),
          complete: () => undefined,
        },
      );
      await subscribed;
      await new Promise((resolve) => setTimeout(resolve, 200));
      ok(
        await t.gql(
          UPDATE_CLAUSE,
          {
            input: {
              clauseId: draft.clauses[1].id,
              text: 'States will report yearly.',
              expectedVersion: 1,
            },
          },
          w.secretariat.token,
        ),
      );
      await arrived;
      unsubscribe();
      await client.dispose();
      expect(events[0].translationStatus).toEqual([
        { language: 'en', stale: 0 },
        { language: 'fr', stale: 1 },
      ]);
      const doc = await read(draft.id);
      expect(doc.clauses[1].translations[1]).toMatchObject({ stale: true, sourceVersion: 1 });
      expect(
        ok(await t.gql(READ_FR, { id: draft.id, language: 'fr' }, w.observerA.token)).document
          .clauses[1].translation,
      ).toEqual({ text: 'Les États feront rapport.', stale: true });
    });

    it('refuses adoption while a language has a missing or stale clause, naming languages and clauses', async () => {
      const draft = await bilingual();
      ok(await translate(draft.clauses[0], 'Les États agiront.'));
      ok(await t.gql(transition(TRANSITIONS.NEGOTIATION), { id: draft.id }, w.secretariat.token));
      const res = await t.gql(
        transition(TRANSITIONS.ADOPTED),
        { id: draft.id },
        w.secretariat.token,
      );
      expect(code(res)).toBe('INVALID_STATE');
      expect(res.errors![0].message).toMatch(
        /the fr text is not current \(missing in clause 2; title missing\)/,
      );
      expect(res.errors![0].extensions.languages).toEqual([
        { language: 'fr', missingClauses: ['clause 2'], staleClauses: [], title: 'missing' },
      ]);
    });
  });

  describe('one hash over every authentic text', () => {
    it('keeps the canonical form and hash of a single-language document', async () => {
      const draft = await draftIn(t, w.secretariat.token, 'ADOPTED', {
        title: 'Only English',
        clauses: [{ text: 'One.' }],
      });
      const doc = await read(draft.id);
      expect(doc.adoptedHash).toBe(
        sha256Hex(
          canonicalText('Only English', [
            { kind: 'OPERATIVE' as never, number: '1', text: 'One.' },
          ]),
        ),
      );
    });

    it('hashes every language in the adopted text, which a signature verifies', async () => {
      const draft = await bilingual({ title: 'Bilingual' });
      await translateAll(draft);
      ok(await t.gql(transition(TRANSITIONS.NEGOTIATION), { id: draft.id }, w.secretariat.token));
      const adopted = ok(
        await t.gql(transition(TRANSITIONS.ADOPTED), { id: draft.id }, w.secretariat.token),
      ).adoptDocument;
      const expected = authenticText({
        languages: ['en', 'fr'],
        title: 'Bilingual',
        titles: { fr: 'Titre' },
        clauses: [
          {
            kind: 'OPERATIVE' as never,
            number: '1',
            text: 'States will act.',
            translations: { fr: 'Texte français 1.' },
          },
          {
            kind: 'OPERATIVE' as never,
            number: '2',
            text: 'States will report.',
            translations: { fr: 'Texte français 2.' },
          },
        ],
      });
      expect(expected).toContain('[fr]\nTitre\n\n1. Texte français 1.\n');
      expect(adopted.adoptedHash).toBe(sha256Hex(expected));
      const reader = t.get(DocumentsReader);
      const recomputed = await reader.adoptedText((await reader.getById(draft.id))!);
      expect(recomputed).toEqual({ text: expected, hash: adopted.adoptedHash });
      ok(
        await t.gql(
          transition(TRANSITIONS.OPEN_FOR_SIGNATURE),
          { id: draft.id },
          w.secretariat.token,
        ),
      );
      const signed = ok(
        await t.gql(
          `mutation($id: ID!) { signDocument(documentId: $id) { id textHash } }`,
          { id: draft.id },
          w.headA.token,
        ),
      ).signDocument;
      expect(signed.textHash).toBe(adopted.adoptedHash);
      const verified = ok(
        await t.gql(
          `query($id: ID!, $text: String) { verifySignature(signatureId: $id, text: $text) { matchesAdoptedText textMatches } }`,
          { id: signed.id, text: expected },
          null,
        ),
      ).verifySignature;
      expect(verified).toEqual({ matchesAdoptedText: true, textMatches: true });
      // The public reads the French text of the adopted document, not who translated it.
      const open = await read(draft.id, null);
      expect(open.clauses[0].translations[1]).toMatchObject({
        text: 'Texte français 1.',
        updatedBy: null,
      });
    });

    it('diffs versions in one language', async () => {
      const draft = await bilingual();
      ok(await translate(draft.clauses[0], 'Les États agiront.'));
      const v1 = (await read(draft.id)).version;
      ok(await translate(draft.clauses[0], 'Les États agiront promptement.'));
      const v2 = (await read(draft.id)).version;
      const fr = ok(
        await t.gql(DIFF, { id: draft.id, from: v1, to: v2, language: 'fr' }, w.delegateA.token),
      ).documentDiff;
      expect(fr[0]).toMatchObject({ number: '1', change: 'CHANGED' });
      expect(fr[0].chunks).toContainEqual({
        op: 'INSERT',
        text: expect.stringContaining('promptement'),
      });
      const en = ok(
        await t.gql(DIFF, { id: draft.id, from: v1, to: v2 }, w.delegateA.token),
      ).documentDiff;
      expect(en.map((c: { change: string }) => c.change)).toEqual(['UNCHANGED', 'UNCHANGED']);
      const bad = await t.gql(
        DIFF,
        { id: draft.id, from: v1, to: v2, language: 'de' },
        w.delegateA.token,
      );
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions.field).toBe('language');
    });
  });

  describe('reading in a language', () => {
    it('falls back to the original title and gives no clause text for a language the document lacks; refuses a malformed code', async () => {
      const draft = await bilingual({ title: 'Bilingual title' });
      const de = ok(await t.gql(READ_FR, { id: draft.id, language: 'DE' }, w.delegateA.token));
      expect(de.document.title).toBe('Bilingual title');
      expect(de.document.clauses[0].translation).toBeNull();
      const fr = ok(await t.gql(READ_FR, { id: draft.id, language: 'FR' }, w.delegateA.token));
      expect(fr.document.title).toBe('Bilingual title');
      expect(fr.document.clauses[0].translation).toBeNull();
      const bad = await t.gql(READ_FR, { id: draft.id, language: 'xx' }, w.delegateA.token);
      expect(code(bad)).toBe('BAD_USER_INPUT');
      const en = ok(await t.gql(READ_FR, { id: draft.id, language: 'en' }, w.delegateA.token));
      expect(en.document.clauses[0].translation).toEqual({
        text: 'States will act.',
        stale: false,
      });
    });
  });

  describe('titles', () => {
    it('are translated by eligible delegates in DRAFT and go stale when the original title changes', async () => {
      const draft = await bilingual({ title: 'The Code' });
      const set = ok(
        await t.gql(
          SET_TITLE,
          { id: draft.id, language: 'fr', title: 'Le Code' },
          w.delegateA.token,
        ),
      ).setDocumentTitle;
      expect(set).toMatchObject({ title: 'The Code', fr: 'Le Code' });
      expect(await auditActions(t, draft.id)).toContain('document.titleSet');
      ok(
        await t.gql(
          SET_TITLE,
          { id: draft.id, language: 'en', title: 'The New Code' },
          w.secretariat.token,
        ),
      );
      ok(await t.gql(transition(TRANSITIONS.NEGOTIATION), { id: draft.id }, w.secretariat.token));
      const res = await t.gql(
        transition(TRANSITIONS.ADOPTED),
        { id: draft.id },
        w.secretariat.token,
      );
      expect(res.errors![0].message).toMatch(/title stale/);
    });

    it('in the language of negotiation is a direct edit: DRAFT only; refused to observers and for undeclared languages', async () => {
      const draft = await bilingual();
      expect(
        code(
          await t.gql(
            SET_TITLE,
            { id: draft.id, language: 'fr', title: 'Titre' },
            w.observerA.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        code(
          await t.gql(
            SET_TITLE,
            { id: draft.id, language: 'de', title: 'Titel' },
            w.secretariat.token,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      // Permission first: an observer learns nothing about the languages.
      expect(
        code(
          await t.gql(
            SET_TITLE,
            { id: draft.id, language: 'de', title: 'Titel' },
            w.observerA.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      ok(await t.gql(transition(TRANSITIONS.NEGOTIATION), { id: draft.id }, w.secretariat.token));
      expect(
        code(
          await t.gql(SET_TITLE, { id: draft.id, language: 'fr', title: 'Titre' }, w.headA.token),
        ),
      ).toBe('INVALID_STATE');
      expect(
        code(
          await t.gql(
            SET_TITLE,
            { id: draft.id, language: 'en', title: 'Other' },
            w.secretariat.token,
          ),
        ),
      ).toBe('INVALID_STATE');
      ok(
        await t.gql(
          SET_TITLE,
          { id: draft.id, language: 'fr', title: 'Titre' },
          w.secretariat.token,
        ),
      );
    });
  });

  it('reads translations of a long draft in a constant number of statements', async () => {
    const sizes = [3, 30];
    const counts: number[] = [];
    for (const size of sizes) {
      const draft = await bilingual({
        clauses: Array.from({ length: size }, (_, i) => ({ text: `Clause ${i}.` })),
      });
      for (const clause of draft.clauses.slice(0, 2)) ok(await translate(clause, 'Texte.'));
      const { count } = await countQueries(() => t.gql(READ, { id: draft.id }, w.delegateA.token));
      counts.push(count);
    }
    expect(counts[1]).toBeLessThanOrEqual(counts[0] + BATCH_JITTER);
  });
});
