import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODES = {
  count: 10,
  /** Two groups of five from a 31-character alphabet: about 50 random bits each. */
  groups: 2,
  groupLength: 5,
} as const;

/** No 0/o, 1/l/i: codes are read from paper and typed by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  const group = () =>
    Array.from(
      { length: RECOVERY_CODES.groupLength },
      () => ALPHABET[randomInt(ALPHABET.length)],
    ).join('');
  return Array.from({ length: RECOVERY_CODES.count }, () =>
    Array.from({ length: RECOVERY_CODES.groups }, group).join('-'),
  );
}

/** What was typed, without case, spaces or dashes: null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  const length = RECOVERY_CODES.groups * RECOVERY_CODES.groupLength;
  return compact.length === length && [...compact].every((c) => ALPHABET.includes(c))
    ? compact
    : null;
}

/** Codes carry 50 random bits: a plain SHA-256 is enough (no dictionary to slow down). */
export function hashRecoveryCode(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}
