import { DomainException } from '../errors/domain.exception';
import { normaliseName } from './normalise-name';
import type { TextKind } from './text-kind';
import { textProblem } from './text-problem';

/**
 * The value to use for a text field of this kind (names normalised, others unchanged), or
 * BAD_USER_INPUT naming `field` when it holds characters the kind refuses.
 */
export function checkText(value: string, kind: TextKind, field: string): string {
  const problem = textProblem(value, kind);
  if (problem) throw DomainException.badInput(field, `${field} ${problem}`);
  return kind === 'name' ? normaliseName(value) : value;
}
