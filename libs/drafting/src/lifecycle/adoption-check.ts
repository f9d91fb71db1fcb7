import { countBrackets } from '../clauses/brackets';
import { clauseLabel } from '../clauses/clause-label';
import { ClauseKind } from '@accord/common';
import { LanguageStatus } from '../translations/translation-status';

/** An authentic language whose text is not yet the text agreed in the language of negotiation. */
export interface LanguageBlocker {
  language: string;
  missingClauses: string[];
  staleClauses: string[];
  title: 'stale' | 'missing' | null;
}

export interface AdoptionBlockers {
  openBrackets: number;
  /** Labels ("clause 3", "heading") of the clauses with open brackets. */
  clausesWithBrackets: string[];
  unbalancedClauses: string[];
  proposedAmendments: number;
  empty: boolean;
  /** Authentic languages with a missing or stale clause or title. */
  languages: LanguageBlocker[];
}

/**
 * What stands in the way of adopting a text (or of starting a silence procedure on it); nothing
 * when it may be adopted. `languages`: translationStatus of the document, every authentic
 * language of which must be current (no missing or stale clause or title).
 */
export function adoptionBlockers(
  clauses: readonly { kind: ClauseKind; number: string; text: string }[],
  proposedAmendments: number,
  languages: readonly LanguageStatus[] = [],
): { blockers: AdoptionBlockers; reasons: string[] } {
  const blockers: AdoptionBlockers = {
    openBrackets: 0,
    clausesWithBrackets: [],
    unbalancedClauses: [],
    proposedAmendments,
    empty: clauses.length === 0,
    languages: languages
      .filter((l) => l.missing || l.stale || l.title !== 'current')
      .map((l) => ({
        language: l.language,
        missingClauses: l.missingClauses,
        staleClauses: l.staleClauses,
        title: l.title === 'current' ? null : l.title,
      })),
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
  for (const language of blockers.languages) {
    const parts = [
      language.missingClauses.length && `missing in ${language.missingClauses.join(', ')}`,
      language.staleClauses.length && `stale in ${language.staleClauses.join(', ')}`,
      language.title && `title ${language.title}`,
    ].filter(Boolean);
    reasons.push(`the ${language.language} text is not current (${parts.join('; ')})`);
  }
  return { blockers, reasons };
}
