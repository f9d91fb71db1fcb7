import type { TextKind } from './text-kind';

/** C0 controls except tab, LF, CR; DEL; C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/** A UTF-16 surrogate without its pair: not text, and PostgreSQL would store U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Noncharacters that XML 1.0 forbids: one in a clause makes the Word text unreadable to Word. */
const XML_NONCHARACTER = /[\uFFFE\uFFFF]/;

const codePoint = (char: string) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `value` is not acceptable text of this kind ("must be a single line", …), or null when
 * it is. The message completes a sentence that starts with the field's name.
 */
export function textProblem(value: string, kind: TextKind): string | null {
  if (kind === 'secret') return value.includes('\u0000') ? 'must not contain NUL (U+0000)' : null;
  const control = CONTROL.exec(value);
  if (control) return `must not contain control characters (${codePoint(control[0])})`;
  if (kind !== 'multiline' && LINE_BREAK.test(value))
    return 'must be a single line (no tabs or line breaks)';
  if (LONE_SURROGATE.test(value) || XML_NONCHARACTER.test(value))
    return 'must be well-formed Unicode text';
  return null;
}
