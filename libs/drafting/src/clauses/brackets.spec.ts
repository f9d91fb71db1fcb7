import { countBrackets } from './brackets';

describe(countBrackets.name, () => {
  it.each([
    ['no brackets', 'States will act.', 0, false],
    ['one bracketed passage', 'States [will][shall] act.', 2, false],
    ['nested brackets, each counted', 'States [will [promptly] act].', 2, false],
    ['a bracket never closed', 'States [will act.', 0, true],
    ['a bracket closing nothing', 'States will] act.', 0, true],
    ['a closed pair then a stray closing bracket', '[a] b]', 1, true],
    ['closing before opening', '] [', 0, true],
    ['an empty pair', 'Text []', 1, false],
    ['round and curly brackets are not negotiation brackets', 'States (will) {act}.', 0, false],
  ])('%s: %p → %i open, unbalanced %p', (_label, text, open, unbalanced) => {
    expect(countBrackets(text)).toEqual({ open, unbalanced });
  });

  it('does not miscount an unbalanced text: only matched pairs count as open passages', () => {
    expect(countBrackets('[[a]').open).toBe(1);
    expect(countBrackets('[[a]').unbalanced).toBe(true);
  });
});
