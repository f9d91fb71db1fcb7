import { ClauseKind } from '@accord/common';
import { clauseNumbers } from './clause-numbering';

describe(clauseNumbers.name, () => {
  const { HEADING, PREAMBULAR, OPERATIVE } = ClauseKind;

  it('numbers preambular and operative clauses 1, 2, 3… in order; headings get no number', () => {
    const kinds = [HEADING, PREAMBULAR, PREAMBULAR, HEADING, OPERATIVE, OPERATIVE];
    expect(clauseNumbers(kinds.map((kind) => ({ kind })))).toEqual(['', '1', '2', '', '3', '4']);
  });

  it('gives nothing for no clauses', () => {
    expect(clauseNumbers([])).toEqual([]);
  });
});
