import mammoth from 'mammoth';
import request from 'supertest';
import { createWorld, World } from '../support/factories';
import { pdfText } from '../support/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';
import { createDraft, Draft, ok, transition, TRANSITIONS } from './drafting-fixtures';

const SET_LANGUAGES = `mutation($id: ID!, $languages: [String!]!) {
  setDocumentLanguages(documentId: $id, languages: $languages) { id }
}`;
const TRANSLATE = `mutation($clauseId: ID!, $text: String!, $sourceVersion: Int!) {
  setClauseTranslation(clauseId: $clauseId, language: "fr", text: $text, sourceVersion: $sourceVersion) { stale }
}`;
const SET_TITLE = `mutation($id: ID!, $title: String!) {
  setDocumentTitle(documentId: $id, language: "fr", title: $title) { id }
}`;

/** Texts handed out (GET /documents/:slug/text.*?language=) in the authentic languages. */
describe('publishing: texts in their authentic languages', () => {
  let t: TestApp;
  let w: World;
  let adopted: Draft;
  let draft: Draft;

  const get = (path: string, token?: string) => {
    const req = request(t.http).get(path).buffer(true).responseType('blob');
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const bilingual = async (title: string) => {
    const doc = await createDraft(t, w.secretariat.token, {
      title,
      clauses: [{ kind: 'HEADING', text: 'Preface' }, { text: 'States will act responsibly.' }],
    });
    ok(await t.gql(SET_LANGUAGES, { id: doc.id, languages: ['en', 'fr'] }, w.secretariat.token));
    return doc;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    adopted = await bilingual('Code of Practice');
    ok(
      await t.gql(
        SET_TITLE,
        { id: adopted.id, title: 'Code de bonnes pratiques' },
        w.secretariat.token,
      ),
    );
    const french = ['Avant-propos', 'Les États agiront de manière responsable.'];
    for (const [i, clause] of adopted.clauses.entries()) {
      ok(
        await t.gql(
          TRANSLATE,
          { clauseId: clause.id, text: french[i], sourceVersion: clause.version },
          w.secretariat.token,
        ),
      );
    }
    for (const step of [TRANSITIONS.NEGOTIATION, TRANSITIONS.ADOPTED]) {
      ok(await t.gql(transition(step), { id: adopted.id }, w.secretariat.token));
    }
    draft = await bilingual('Draft in two languages');
    ok(
      await t.gql(
        TRANSLATE,
        { clauseId: draft.clauses[0].id, text: 'Avant-propos', sourceVersion: 1 },
        w.secretariat.token,
      ),
    );
  });
  afterAll(() => t.close());

  it('serves the French text alone with ?language=fr, in Markdown, Word and PDF', async () => {
    const md = (await get(`/documents/${adopted.slug}/text.md?language=fr`)).body.toString();
    expect(md).toContain('# Code de bonnes pratiques');
    expect(md).toContain('## Avant-propos');
    expect(md).toContain('**1.** Les États agiront de manière responsable.');
    expect(md).not.toContain('States will act');
    const docx = await get(`/documents/${adopted.slug}/text.docx?language=fr`);
    const word = (await mammoth.extractRawText({ buffer: docx.body })).value;
    expect(word).toContain('Les États agiront de manière responsable.');
    expect(word).not.toContain('States will act');
    const pdf = await pdfText((await get(`/documents/${adopted.slug}/text.pdf?language=fr`)).body);
    expect(pdf.replace(/\s+/g, ' ')).toContain('Les États agiront de manière responsable.');
  });

  it('serves English and French side by side with ?language=en,fr', async () => {
    const md = (await get(`/documents/${adopted.slug}/text.md?language=en,fr`)).body.toString();
    expect(md).toContain('# Code of Practice / Code de bonnes pratiques');
    expect(md).toContain('(en) **1.** States will act responsibly.');
    expect(md).toContain('(fr) **1.** Les États agiront de manière responsable.');
    const pdf = await pdfText(
      (await get(`/documents/${adopted.slug}/text.pdf?language=en,fr`)).body,
    );
    const flat = pdf.replace(/\s+/g, ' ');
    expect(flat).toContain('Code de bonnes pratiques');
    expect(flat).toMatch(/Les États agiront de manière/);
    expect(flat).toMatch(/States will act/);
  });

  it('shows a draft clause not yet translated as a dash, and the title in the original until translated', async () => {
    const md = (
      await get(`/documents/${draft.slug}/text.md?language=fr`, w.delegateA.token)
    ).body.toString();
    expect(md).toContain('# Draft in two languages');
    expect(md).toContain('## Avant-propos');
    expect(md).toContain('**1.** —');
  });
});
