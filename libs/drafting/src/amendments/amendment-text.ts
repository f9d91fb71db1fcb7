import { AmendmentKind, DomainException } from '@accord/common';
import { clauseText } from '../clauses/clause-text';

/** REPLACE and INSERT_AFTER carry the new text; DELETE carries none. */
export function amendmentText(kind: AmendmentKind, raw: string | null | undefined): string | null {
  if (kind === AmendmentKind.DELETE) {
    if (raw?.trim()) throw DomainException.badInput('text', 'A DELETE amendment takes no text');
    return null;
  }
  return clauseText(raw);
}
