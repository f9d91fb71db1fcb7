import { countBrackets } from '../clauses/brackets';
import { clauseLabel } from '../clauses/clause-label';
import { ClauseKind } from '@accord/common';

export interface AdoptionBlockers {
  openBrackets: number;
  /** Labels ("clause 3", "heading") of the clauses with open brackets. */
  clausesWithBrackets: string[];
  unbalancedClauses: string[];
  proposedAmendments: number;
  empty: boolean;
}

/** What stands in the way of adopting a text; nothing when it may be adopted. */
export function adoptionBlockers(
  clauses: readonly { kind: ClauseKind; number: string; text: string }[],
  proposedAmendments: number,
): { blockers: AdoptionBlockers; reasons: string[] } {
  const blockers: AdoptionBlockers = {
    openBrackets: 0,
    clausesWithBrackets: [],
    unbalancedClauses: [],
    proposedAmendments,
    empty: clauses.length === 0,
  };
  for (const clause of clauses) {
    const brackets = countBrackets(clause.text);
    const label = clauseLabel(clause.kind, clause.number);
    if (brackets.open) {
      blockers.openBrackets += brackets.open;
      blockers.clausesWithBrackets.push(label);
    }
    if (brackets.unbalanced) blockers.unbalancedClauses.push(label);
  }
  const reasons: string[] = [];
  if (blockers.empty) reasons.push('the document has no clauses');
  if (blockers.openBrackets) {
    reasons.push(
      `${blockers.openBrackets} bracketed passage${blockers.openBrackets === 1 ? ' is' : 's are'} still open (${blockers.clausesWithBrackets.join(', ')})`,
    );
  }
  if (blockers.unbalancedClauses.length) {
    reasons.push(`brackets are unbalanced in ${blockers.unbalancedClauses.join(', ')}`);
  }
  if (proposedAmendments) {
    reasons.push(
      `${proposedAmendments} amendment${proposedAmendments === 1 ? ' is' : 's are'} still PROPOSED`,
    );
  }
  return { blockers, reasons };
}
