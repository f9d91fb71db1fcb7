import { ClauseChange, DiffOp } from '@accord/common';
import { DiffableClause, documentDiff } from './document-diff';

const clause = (id: string, text: string, number = id): DiffableClause => ({ id, number, text });

/** The later text from the chunks that are in it; the earlier text from those that were. */
const after = (chunks: { op: DiffOp; text: string }[]) =>
  chunks
    .filter((c) => c.op !== DiffOp.DELETE)
    .map((c) => c.text)
    .join('');
const before = (chunks: { op: DiffOp; text: string }[]) =>
  chunks
    .filter((c) => c.op !== DiffOp.INSERT)
    .map((c) => c.text)
    .join('');

describe(documentDiff.name, () => {
  it('marks untouched clauses UNCHANGED with a single EQUAL chunk', () => {
    expect(documentDiff([clause('a', 'Same text.')], [clause('a', 'Same text.')])).toEqual([
      {
        clauseId: 'a',
        number: 'a',
        change: ClauseChange.UNCHANGED,
        chunks: [{ op: DiffOp.EQUAL, text: 'Same text.' }],
      },
    ]);
  });

  it('diffs a changed clause word by word', () => {
    const [diff] = documentDiff(
      [clause('a', 'States act against vendors.')],
      [clause('a', 'States shall act against rogue vendors.')],
    );
    expect(diff.change).toBe(ClauseChange.CHANGED);
    expect(diff.chunks.filter((c) => c.op === DiffOp.INSERT).map((c) => c.text.trim())).toEqual([
      'shall',
      'rogue',
    ]);
    expect(diff.chunks.some((c) => c.op === DiffOp.DELETE)).toBe(false);
    expect(after(diff.chunks)).toBe('States shall act against rogue vendors.');
    expect(before(diff.chunks)).toBe('States act against vendors.');
  });

  it('shows a replaced word as a DELETE and an INSERT', () => {
    const [diff] = documentDiff(
      [clause('a', 'States will act.')],
      [clause('a', 'States shall act.')],
    );
    expect(diff.chunks).toEqual([
      { op: DiffOp.EQUAL, text: 'States ' },
      { op: DiffOp.DELETE, text: 'will' },
      { op: DiffOp.INSERT, text: 'shall' },
      { op: DiffOp.EQUAL, text: ' act.' },
    ]);
  });

  it('lists added clauses where they are, and removed ones where they were', () => {
    const from = [clause('a', 'A', '1'), clause('b', 'B', '2'), clause('c', 'C', '3')];
    const to = [clause('a', 'A', '1'), clause('n', 'New', '2'), clause('c', 'C!', '3')];
    expect(documentDiff(from, to).map((d) => [d.clauseId, d.number, d.change])).toEqual([
      ['a', '1', ClauseChange.UNCHANGED],
      ['b', '2', ClauseChange.REMOVED],
      ['n', '2', ClauseChange.ADDED],
      ['c', '3', ClauseChange.CHANGED],
    ]);
    const removed = documentDiff(from, to)[1];
    expect(removed.chunks).toEqual([{ op: DiffOp.DELETE, text: 'B' }]);
    const added = documentDiff(from, to)[2];
    expect(added.chunks).toEqual([{ op: DiffOp.INSERT, text: 'New' }]);
  });

  it('handles removals at the start and at the end, and an emptied document', () => {
    const from = [clause('a', 'A'), clause('b', 'B'), clause('c', 'C')];
    expect(documentDiff(from, [clause('b', 'B')]).map((d) => [d.clauseId, d.change])).toEqual([
      ['a', ClauseChange.REMOVED],
      ['b', ClauseChange.UNCHANGED],
      ['c', ClauseChange.REMOVED],
    ]);
    expect(documentDiff(from, []).every((d) => d.change === ClauseChange.REMOVED)).toBe(true);
    expect(documentDiff([], from).every((d) => d.change === ClauseChange.ADDED)).toBe(true);
  });

  it('compares in either direction', () => {
    const older = [clause('a', 'A')];
    const newer = [clause('a', 'A'), clause('b', 'B')];
    expect(documentDiff(newer, older).map((d) => d.change)).toEqual([
      ClauseChange.UNCHANGED,
      ClauseChange.REMOVED,
    ]);
  });

  it('rebuilds the later text exactly from the chunks, and the earlier one up to whitespace (diffWords ignores whitespace)', () => {
    const words = (text: string) => text.replace(/\s+/g, '');
    const pairs = [
      [
        'Participants will meet again in Paris in 2025.',
        'Participants will [meet][convene] in Paris, in 2025.',
      ],
      ['  leading and trailing  ', 'leading, and trailing'],
      ['one\ttab', 'one tab'],
      ['', 'from nothing'],
    ];
    for (const [a, b] of pairs) {
      const [diff] = documentDiff([clause('x', a)], [clause('x', b)]);
      expect(words(before(diff.chunks))).toBe(words(a));
      expect(after(diff.chunks)).toBe(b);
    }
  });
});
