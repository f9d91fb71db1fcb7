import { statementsCell } from './statements-cell';

describe(statementsCell.name, () => {
  const numbers = new Map([
    ['c2', '2'],
    ['c3', '3'],
  ]);

  it('is empty without statements', () => {
    expect(statementsCell([], numbers)).toBeNull();
  });

  it('writes one statement a line with the clauses it concerns', () => {
    expect(
      statementsCell(
        [
          { kind: 'INTERPRETIVE_DECLARATION' as never, text: 'We read it so.', clauseIds: ['c2'] },
          { kind: 'RESERVATION' as never, text: 'Not bound.', clauseIds: ['c2', 'c3'] },
          { kind: 'GENERAL' as never, text: 'Welcome.', clauseIds: [] },
        ],
        numbers,
      ),
    ).toBe(
      'INTERPRETIVE_DECLARATION (clause 2): We read it so.\nRESERVATION (clauses 2, 3): Not bound.\nGENERAL: Welcome.',
    );
  });
});
