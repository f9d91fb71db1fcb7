import { ClauseKind } from '@accord/common';

/**
 * Display numbers from positions: preambular and operative paragraphs are numbered 1, 2, 3…
 * in order; headings are not numbered (their number is the empty string).
 */
export function clauseNumbers(clauses: readonly { kind: ClauseKind }[]): string[] {
  let next = 1;
  return clauses.map((clause) => (clause.kind === ClauseKind.HEADING ? '' : String(next++)));
}
