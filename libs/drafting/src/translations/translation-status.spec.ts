import { ClauseKind } from '@accord/common';
import { translationStatus } from './translation-status';

const clause = (id: string, number: string, version: number, kind = ClauseKind.OPERATIVE) => ({
  id,
  kind,
  number,
  version,
});

describe(translationStatus.name, () => {
  const document = {
    languages: ['en', 'fr', 'es'],
    title: 'The Code',
    titleTranslations: { fr: { title: 'Le Code', source: 'The Code' } },
  };
  const clauses = [
    clause('h', '', 1, ClauseKind.HEADING),
    clause('a', '1', 3),
    clause('b', '2', 1),
  ];

  it('counts per language current, stale (older sourceVersion) and missing clauses, and the title', () => {
    const status = translationStatus(document, clauses, [
      { clauseId: 'h', language: 'fr', sourceVersion: 1 },
      { clauseId: 'a', language: 'fr', sourceVersion: 2 },
      { clauseId: 'b', language: 'es', sourceVersion: 1 },
    ]);
    expect(status).toEqual([
      expect.objectContaining({
        language: 'en',
        current: 3,
        stale: 0,
        missing: 0,
        title: 'current',
      }),
      {
        language: 'fr',
        current: 1,
        stale: 1,
        missing: 1,
        staleClauses: ['clause 1'],
        missingClauses: ['clause 2'],
        title: 'current',
      },
      expect.objectContaining({
        language: 'es',
        current: 1,
        missing: 2,
        missingClauses: ['heading', 'clause 1'],
        title: 'missing',
      }),
    ]);
  });

  it('calls a title translated from an earlier title stale', () => {
    const [, fr] = translationStatus({ ...document, title: 'The New Code' }, [], []);
    expect(fr.title).toBe('stale');
  });

  it('ignores translations into languages the document no longer declares', () => {
    const status = translationStatus({ ...document, languages: ['en'] }, clauses, [
      { clauseId: 'a', language: 'fr', sourceVersion: 3 },
    ]);
    expect(status).toEqual([expect.objectContaining({ language: 'en', current: 3 })]);
  });
});
