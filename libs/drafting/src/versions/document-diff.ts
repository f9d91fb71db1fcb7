import { ClauseChange, DiffOp } from '@accord/common';

export interface DiffableClause {
  id: string;
  number: string;
  text: string;
}

export interface ClauseDiffResult {
  clauseId: string;
  /** The clause's number in the later text, or in the earlier one for a removed clause. */
  number: string;
  change: ClauseChange;
  chunks: DiffChunk[];
}

export type DiffChunk = { op: DiffOp; text: string };

/** The word diff of one changed clause; null when it was not computed (answered at clause level). */
export type WordDiff = (from: DiffableClause, to: DiffableClause) => DiffChunk[] | null;

/** On the calling thread, unbounded: for small texts and tests; the API uses a worker. */
export const inlineWordDiff: WordDiff = (from, to) =>
  // Required here, not at start: the API diffs in a worker, which loads its own copy.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('diff') as typeof import('diff')).diffWords(from.text, to.text).map((part) => ({
    op: part.added ? DiffOp.INSERT : part.removed ? DiffOp.DELETE : DiffOp.EQUAL,
    text: part.value,
  }));

/** Clauses in both versions whose text changed, as [earlier, later] pairs, in the later order. */
export function changedClauses(
  from: readonly DiffableClause[],
  to: readonly DiffableClause[],
): [DiffableClause, DiffableClause][] {
  const earlier = new Map(from.map((clause) => [clause.id, clause]));
  return to.flatMap((clause) => {
    const before = earlier.get(clause.id);
    return before && before.text !== clause.text ? [[before, clause]] : [];
  });
}

function compare(from: DiffableClause, to: DiffableClause, words: WordDiff): ClauseDiffResult {
  if (from.text === to.text) {
    return {
      clauseId: to.id,
      number: to.number,
      change: ClauseChange.UNCHANGED,
      chunks: [{ op: DiffOp.EQUAL, text: to.text }],
    };
  }
  // Not diffed word by word (over budget): still exact, at clause level.
  const chunks = words(from, to) ?? [
    { op: DiffOp.DELETE, text: from.text },
    { op: DiffOp.INSERT, text: to.text },
  ];
  return { clauseId: to.id, number: to.number, change: ClauseChange.CHANGED, chunks };
}

const whole = (clause: DiffableClause, change: ClauseChange, op: DiffOp): ClauseDiffResult => ({
  clauseId: clause.id,
  number: clause.number,
  change,
  chunks: [{ op, text: clause.text }],
});

/**
 * A word-level diff of two versions, clause by clause (matched by clause id), in the order of
 * the later text, each removed clause shown where it stood in the earlier one (before what
 * was added in its place). Clauses never change order (only insertions and removals), so one
 * pass over both lists suffices. `words` gives the word diff of each changed clause.
 */
export function documentDiff(
  from: readonly DiffableClause[],
  to: readonly DiffableClause[],
  words: WordDiff = inlineWordDiff,
): ClauseDiffResult[] {
  const fromIndex = new Map(from.map((clause, i) => [clause.id, i]));
  const toIds = new Set(to.map((clause) => clause.id));
  // For each later clause, where the next clause kept from the earlier text stood in it.
  const anchors: number[] = [];
  let anchor = from.length;
  for (let k = to.length - 1; k >= 0; k--) {
    anchor = fromIndex.get(to[k].id) ?? anchor;
    anchors[k] = anchor;
  }
  const result: ClauseDiffResult[] = [];
  let next = 0;
  const flushRemovedBefore = (end: number) => {
    for (; next < end; next++) {
      if (!toIds.has(from[next].id)) {
        result.push(whole(from[next], ClauseChange.REMOVED, DiffOp.DELETE));
      }
    }
  };
  to.forEach((clause, k) => {
    flushRemovedBefore(anchors[k]);
    const index = fromIndex.get(clause.id);
    if (index === undefined) {
      result.push(whole(clause, ClauseChange.ADDED, DiffOp.INSERT));
    } else {
      result.push(compare(from[index], clause, words));
      next = index + 1;
    }
  });
  flushRemovedBefore(from.length);
  return result;
}
