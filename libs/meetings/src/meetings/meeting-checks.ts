import { DomainException } from '@accord/common';
import { isUUID } from 'class-validator';

/** A meeting lasts at most this long: agendas are laid out day by day. */
export const MAX_MEETING_DAYS = 31;

export function requireId(value: string, field: string): string {
  if (typeof value !== 'string' || !isUUID(value)) {
    throw DomainException.badInput(field, `${field} is not a valid id`);
  }
  return value;
}

/** Valid ids, each once, in the order first given. */
export function uniqueIds(
  values: readonly string[],
  field: string,
  { min = 0, max = 500 }: { min?: number; max?: number } = {},
): string[] {
  values.forEach((value, index) => requireId(value, `${field}.${index}`));
  const unique = [...new Set(values)];
  if (unique.length < min) {
    throw DomainException.badInput(
      field,
      `${field} must name at least ${min} participant${min === 1 ? '' : 's'}`,
    );
  }
  if (unique.length > max) throw DomainException.badInput(field, `${field} names more than ${max}`);
  return unique;
}

/**
 * Line breaks of every kind (CR, LF, vertical tab, form feed, NEL, Unicode line and paragraph
 * separators): a title that holds one could start a new property in an iCalendar file or a new
 * row in a CSV file written by a careless reader.
 */
const LINE_BREAK = /[\r\n\v\f\u0085\u2028\u2029]/;

export const hasLineBreak = (text: string): boolean => LINE_BREAK.test(text);

/** A single-line text (a title, a city, a venue), trimmed and not empty. */
export function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw DomainException.badInput(field, `${field} must not be empty`);
  if (hasLineBreak(text)) {
    throw DomainException.badInput(field, `${field} must be a single line (no line breaks)`);
  }
  return text;
}

/** An optional single-line text: null when absent or blank. */
export function optionalText(value: string | null | undefined, field: string): string | null {
  return value?.trim() ? requireText(value, field) : null;
}

export function requireSchedule(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime()))
    throw DomainException.badInput('startsAt', 'startsAt is not a date');
  if (Number.isNaN(endsAt.getTime()))
    throw DomainException.badInput('endsAt', 'endsAt is not a date');
  if (endsAt <= startsAt) throw DomainException.badInput('endsAt', 'endsAt must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_MEETING_DAYS * 86_400_000) {
    throw DomainException.badInput('endsAt', `A meeting lasts at most ${MAX_MEETING_DAYS} days`);
  }
}
