import { ClauseKind, DocumentStatus } from '@accord/common';
import mammoth from 'mammoth';
import { pdfPages, pdfText } from '../../../../tests/support/pdf-text';
import type { TextDocument } from '../text-document';
import { renderTextDocx } from './text-docx';
import { renderTextMarkdown } from './text-markdown';
import { renderTextPdf } from './text-pdf';

/** A draft in English and French, as the languages feature will load it. */
function bilingual(overrides: Partial<TextDocument> = {}): TextDocument {
  return {
    slug: 'code-of-practice',
    titles: { en: 'Code of Practice for States', fr: 'Code de bonnes pratiques pour les États' },
    languages: ['en', 'fr'],
    status: DocumentStatus.NEGOTIATION,
    adopted: false,
    versionNumber: 4,
    date: new Date('2025-04-03T10:00:00Z'),
    adoptedHash: null,
    clauses: [
      {
        id: 'c0',
        kind: ClauseKind.HEADING,
        number: '',
        texts: { en: { text: 'Principles' }, fr: { text: 'Principes' } },
      },
      {
        id: 'c1',
        kind: ClauseKind.OPERATIVE,
        number: '1',
        texts: {
          en: { text: 'States shall [publish] their policies.' },
          fr: { text: 'Les États [publient] leurs politiques.' },
        },
        statements: [
          { participant: 'Türkiye', kind: 'Interpretive declaration', text: 'Read with clause 2.' },
        ],
      },
    ],
    signatories: null,
    ...overrides,
  };
}

describe(renderTextPdf.name, () => {
  it('sets two languages side by side, with both titles, both texts and the language names', async () => {
    const text = await pdfText(await renderTextPdf(bilingual()));
    expect(text).toContain('Code of Practice for States');
    expect(text).toContain('Code de bonnes pratiques pour les États');
    expect(text).toContain('English');
    expect(text).toContain('français');
    expect(text).toContain('States shall [publish] their policies.');
    expect(text).toContain('Les États [publient] leurs politiques.');
    expect(text).toContain('Interpretive declaration by Türkiye: Read with clause 2.');
    expect(text).toContain('Version 4 of 3 April 2025');
  });

  it('watermarks every page of a draft and numbers the pages; an adopted text has no watermark', async () => {
    const long = bilingual({
      languages: ['en'],
      clauses: Array.from({ length: 60 }, (_v, k) => ({
        id: `c${k}`,
        kind: ClauseKind.OPERATIVE,
        number: String(k + 1),
        texts: { en: { text: `Clause ${k + 1}: participants shall act responsibly. `.repeat(4) } },
      })),
    });
    const pages = await pdfPages(await renderTextPdf(long));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, k) => {
      expect(page).toContain('Draft — not agreed');
      expect(page).toContain(`Page ${k + 1} of ${pages.length}`);
    });
    const adopted = await pdfText(
      await renderTextPdf({
        ...long,
        status: DocumentStatus.ADOPTED,
        adopted: true,
        adoptedHash: 'a'.repeat(64),
      }),
    );
    expect(adopted).not.toMatch(/not agreed/i);
    expect(adopted).toContain('a'.repeat(64));
  });
});

describe(`${renderTextPdf.name}: long parallel texts`, () => {
  it('names the languages above the columns on every page', async () => {
    const long = bilingual({
      clauses: Array.from({ length: 40 }, (_v, k) => ({
        id: `c${k}`,
        kind: ClauseKind.OPERATIVE,
        number: String(k + 1),
        texts: {
          en: { text: 'Participants shall act responsibly. '.repeat(5) },
          fr: { text: 'Les participants agissent de manière responsable. '.repeat(5) },
        },
      })),
    });
    const pages = await pdfPages(await renderTextPdf(long));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page).toContain('English');
      expect(page).toContain('français');
    }
  });
});

describe(renderTextDocx.name, () => {
  it('puts two languages in a two-column table, statements included', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await renderTextDocx(bilingual()) });
    expect(value).toContain('English');
    expect(value).toContain('français');
    expect(value).toContain('1. States shall [publish] their policies.');
    expect(value).toContain('1. Les États [publient] leurs politiques.');
    expect(value).toContain('Interpretive declaration by Türkiye: Read with clause 2.');
    const { value: html } = await mammoth.convertToHtml({
      buffer: await renderTextDocx(bilingual()),
    });
    expect(html).toMatch(/<table>.*English.*français.*<\/table>/s);
    expect(html).toContain('<strong>[publish]</strong>');
  });
});

describe(renderTextMarkdown.name, () => {
  it('interleaves two languages clause by clause, each paragraph tagged with its language', () => {
    const md = renderTextMarkdown(bilingual());
    expect(md).toContain('# Code of Practice for States / Code de bonnes pratiques pour les États');
    expect(md).toContain('## (en) Principles\n\n## (fr) Principes');
    expect(md).toContain(
      '(en) **1.** States shall **\\[publish\\]** their policies.\n\n(fr) **1.** Les États **\\[publient\\]** leurs politiques.',
    );
    expect(md).toContain('> *Interpretive declaration by Türkiye:* Read with clause 2.');
  });

  it('shows markup, HTML and character references that people typed as written, never as markup', () => {
    const typed = '<img src=x onerror=alert(1)> [a](javascript:x) &amp; &copy; *b* `c`';
    const md = renderTextMarkdown(
      bilingual({
        languages: ['en'],
        clauses: [
          {
            id: 'c1',
            kind: ClauseKind.OPERATIVE,
            number: '1',
            texts: { en: { text: typed } },
          },
        ],
        signatories: [
          { participant: '**Evil** <b>', signedAt: new Date('2025-05-01'), statement: '&lt;x&gt;' },
        ],
      }),
    );
    // Brackets mark passages not agreed: bold, and escaped, so never a link.
    expect(md).toContain(
      '**1.** \\<img src=x onerror=alert(1)\\> **\\[a\\]**(javascript:x) \\&amp; \\&copy; \\*b\\* \\`c\\`',
    );
    expect(md).toContain('- \\*\\*Evil\\*\\* \\<b\\>');
    expect(md).toContain('Statement: \\&lt;x\\&gt;');
  });
});
