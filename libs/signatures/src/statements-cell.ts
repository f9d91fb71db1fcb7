import type { StatementEntity } from '@accord/drafting';

/** A participant's statements on the text, one a line, with the clauses they concern; null when none. */
export function statementsCell(
  statements: readonly Pick<StatementEntity, 'kind' | 'text' | 'clauseIds'>[],
  clauseNumbers: ReadonlyMap<string, string>,
): string | null {
  if (!statements.length) return null;
  return statements
    .map((s) => {
      const numbers = s.clauseIds.map((id) => clauseNumbers.get(id) ?? '?');
      const anchor = numbers.length
        ? ` (clause${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')})`
        : '';
      return `${s.kind}${anchor}: ${s.text}`;
    })
    .join('\n');
}
