import { ClauseKind } from '@accord/common';
import { adoptionBlockers } from './adoption-check';

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
