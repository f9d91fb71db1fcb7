import type { PublishedStatement } from '@accord/drafting';
import type { TextStatement } from './text-document';

/**
 * Statements as a text shows them: under each clause they concern (a statement on several
 * clauses under each), and those on the text as a whole at the end.
 */
export function placeStatements(statements: readonly PublishedStatement[]): {
  byClause: Map<string, TextStatement[]>;
  general: TextStatement[];
} {
  const byClause = new Map<string, TextStatement[]>();
  const general: TextStatement[] = [];
  for (const s of statements) {
    const shown = { participant: s.participant, kind: s.kindLabel, text: s.text, madeAt: s.madeAt };
    if (!s.clauseIds.length) general.push(shown);
    for (const clauseId of s.clauseIds) {
      const under = byClause.get(clauseId);
      if (under) under.push(shown);
      else byClause.set(clauseId, [shown]);
    }
  }
  return { byClause, general };
}
