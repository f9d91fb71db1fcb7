import { DomainException, TEXT_LIMITS } from '@accord/common';

/**
 * Clause text as stored: trimmed, not empty, within the limit. GraphQL input is validated
 * before it gets here; this also guards services called directly (the demo seed).
 */
export function clauseText(raw: string | null | undefined, field = 'text'): string {
  const text = (raw ?? '').trim();
  if (!text) throw DomainException.badInput(field, `${field} must not be empty`);
  if (text.length > TEXT_LIMITS.clauseText) {
    throw DomainException.badInput(
      field,
      `${field} must be at most ${TEXT_LIMITS.clauseText} characters`,
    );
  }
  return text;
}
