import { ClauseKind } from '@accord/common';
import { authenticText, canonicalText, sha256Hex } from './canonical-text';

describe(canonicalText.name, () => {
  const clauses = [
    { kind: ClauseKind.HEADING, number: '', text: 'Preamble' },
    { kind: ClauseKind.PREAMBULAR, number: '1', text: 'Recalling the London\nconference,' },
    { kind: ClauseKind.OPERATIVE, number: '2', text: 'States will act.' },
  ];

  it('is the title, a blank line, then one line per clause, headings marked and clauses numbered', () => {
    expect(canonicalText('The Code', clauses)).toBe(
      'The Code\n\n## Preamble\n1. Recalling the London conference,\n2. States will act.\n',
    );
  });

  it('flattens every kind of line break so that a clause stays on one line', () => {
    const text = canonicalText('T', [
      { kind: ClauseKind.OPERATIVE, number: '1', text: 'a\r\nb\rc\nd' },
    ]);
    expect(text).toBe('T\n\n1. a b c d\n');
  });

  it('is the title alone for a document without clauses', () => {
    expect(canonicalText('Empty', [])).toBe('Empty\n\n');
  });

  it('is stable: the same clauses give the same text and hash', () => {
    expect(sha256Hex(canonicalText('The Code', clauses))).toBe(
      sha256Hex(
        canonicalText(
          'The Code',
          clauses.map((c) => ({ ...c })),
        ),
      ),
    );
  });
});

describe(sha256Hex.name, () => {
  it('is the lowercase hex SHA-256 of the UTF-8 text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('é')).not.toBe(sha256Hex('e\u0301'));
  });
});

describe(authenticText.name, () => {
  const clauses: {
    kind: ClauseKind;
    number: string;
    text: string;
    translations: Record<string, string>;
  }[] = [
    { kind: ClauseKind.HEADING, number: '', text: 'Preface', translations: { fr: 'Avant-propos' } },
    { kind: ClauseKind.OPERATIVE, number: '1', text: 'States act.', translations: {} },
  ];

  it('is exactly canonicalText for a single-language document (hashes unchanged)', () => {
    const single = authenticText({ languages: ['en'], title: 'The Code', titles: {}, clauses });
    expect(single).toBe(canonicalText('The Code', clauses));
  });

  it('has one section per language, "[code]" then its canonical text, blank line between; untranslated clauses empty', () => {
    const text = authenticText({
      languages: ['en', 'fr'],
      title: 'The Code',
      titles: { en: 'The Code', fr: 'Le Code' },
      clauses,
    });
    expect(text).toBe(
      '[en]\nThe Code\n\n## Preface\n1. States act.\n\n[fr]\nLe Code\n\n## Avant-propos\n1. \n',
    );
  });

  it('falls back to the title in the language of negotiation where none is translated', () => {
    const text = authenticText({ languages: ['en', 'fr'], title: 'T', titles: {}, clauses: [] });
    expect(text).toBe('[en]\nT\n\n\n[fr]\nT\n\n');
  });
});
