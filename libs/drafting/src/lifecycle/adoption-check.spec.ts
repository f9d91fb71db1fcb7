import { ClauseKind } from '@accord/common';
import { adoptionBlockers } from './adoption-check';
import { LanguageStatus } from '../translations/translation-status';

const op = (number: string, text: string) => ({ kind: ClauseKind.OPERATIVE, number, text });

describe(adoptionBlockers.name, () => {
  it('finds nothing in an agreed text', () => {
    expect(adoptionBlockers([op('1', 'Agreed.'), op('2', 'Also agreed.')], 0).reasons).toEqual([]);
  });

  it('names the clauses with open brackets and counts the passages', () => {
    const { blockers, reasons } = adoptionBlockers(
      [op('1', '[a] [b]'), op('2', 'ok'), op('3', '[c]')],
      0,
    );
    expect(blockers).toMatchObject({
      openBrackets: 3,
      clausesWithBrackets: ['clause 1', 'clause 3'],
    });
    expect(reasons).toEqual(['3 bracketed passages are still open (clause 1, clause 3)']);
  });

  it('reports unbalanced brackets even when nothing counts as open', () => {
    const { blockers, reasons } = adoptionBlockers(
      [{ kind: ClauseKind.HEADING, number: '', text: 'Stray ]' }, op('1', 'Never [closed')],
      0,
    );
    expect(blockers.openBrackets).toBe(0);
    expect(reasons).toEqual(['brackets are unbalanced in heading, clause 1']);
  });

  it('reports PROPOSED amendments and an empty text', () => {
    expect(adoptionBlockers([], 1).reasons).toEqual([
      'the document has no clauses',
      '1 amendment is still PROPOSED',
    ]);
  });
});

describe('adoptionBlockers: authentic languages', () => {
  const language = (over: Partial<LanguageStatus>): LanguageStatus => ({
    language: 'fr',
    current: 0,
    stale: 0,
    missing: 0,
    staleClauses: [],
    missingClauses: [],
    title: 'current',
    ...over,
  });

  it('lists every language with a missing or stale clause or title, naming the clauses', () => {
    const { blockers, reasons } = adoptionBlockers([op('1', 'Agreed.'), op('2', 'Agreed.')], 0, [
      language({ language: 'en', current: 2 }),
      language({ missing: 1, stale: 1, missingClauses: ['clause 2'], staleClauses: ['clause 1'] }),
      language({ language: 'es', current: 2, title: 'missing' }),
    ]);
    expect(blockers.languages).toEqual([
      { language: 'fr', missingClauses: ['clause 2'], staleClauses: ['clause 1'], title: null },
      { language: 'es', missingClauses: [], staleClauses: [], title: 'missing' },
    ]);
    expect(reasons).toEqual([
      'the fr text is not current (missing in clause 2; stale in clause 1)',
      'the es text is not current (title missing)',
    ]);
  });

  it('finds nothing when every authentic language is current', () => {
    const { reasons } = adoptionBlockers([op('1', 'Agreed.')], 0, [
      language({ language: 'en', current: 1 }),
      language({ current: 1 }),
    ]);
    expect(reasons).toEqual([]);
  });
});
