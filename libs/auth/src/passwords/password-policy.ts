import { Injectable } from '@nestjs/common';
import { DomainException } from '@accord/common';
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalizePassword } from '../password-hasher';

/** Whose password it is: a password must not contain these. */
export interface PasswordOwner {
  email: string;
  displayName: string;
}

export const PASSWORD_POLICY = {
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  /** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses and more). */
  minScore: 3,
  /**
   * zxcvbn's cost grows steeply with length (seconds for 256 random characters): it looks at
   * the first 64, and a password longer than that is strong unless its start is weak.
   */
  estimatedLength: 64,
  /** Parts of a name or email shorter than this are too common to refuse (e.g. "uk", "jo"). */
  minPersonalPart: 4,
} as const;

/** The dictionaries weigh several MB: loaded on the first check, not at start. */
async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    maxLength: PASSWORD_POLICY.estimatedLength,
    // The default (100) makes a random string of digits and letters take seconds.
    l33tMaxSubstitutions: 4,
  });
}

/** The personal words a password must not contain: the email, its local part, the name and its longer parts. */
function personalWords(owner: PasswordOwner): { email: string[]; name: string[] } {
  const lower = (s: string) => s.normalize('NFKC').toLowerCase().trim();
  const email = lower(owner.email);
  const local = email.split('@')[0] ?? '';
  const name = lower(owner.displayName).replace(/\s+/g, ' ');
  const long = (parts: string[]) =>
    parts.filter((part) => [...part].length >= PASSWORD_POLICY.minPersonalPart);
  return {
    email: long([email, local, ...local.split(/[._+-]+/)]),
    name: long([name, ...name.split(/[^\p{L}\p{N}]+/u)]),
  };
}

/** A dictionary match on the list of common passwords that covers the whole password. */
function isCommonPassword(result: ZxcvbnResult, length: number): boolean {
  return result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      'dictionaryName' in match &&
      match.dictionaryName === 'passwords-common' &&
      match.i === 0 &&
      match.j === length - 1,
  );
}

/**
 * NIST SP 800-63B: length bounds, no composition rules, refused when common or guessable,
 * refused when it holds the owner's email or name.
 */
@Injectable()
export class PasswordPolicy {
  private estimator: Promise<ZxcvbnFactory> | null = null;

  /** Why this password is refused, as the end of a sentence ("… must be at least 12 characters"), or null. */
  async problemWith(password: string, owner: PasswordOwner): Promise<string | null> {
    const normalized = normalizePassword(password);
    const length = [...normalized].length;
    if (!normalized.trim()) return 'must not be only spaces';
    if (length < PASSWORD_POLICY.minLength)
      return `must be at least ${PASSWORD_POLICY.minLength} characters long (it has ${length})`;
    if (length > PASSWORD_POLICY.maxLength)
      return `must be at most ${PASSWORD_POLICY.maxLength} characters long`;
    const lower = normalized.toLowerCase();
    const words = personalWords(owner);
    if (words.email.some((word) => lower.includes(word)))
      return 'must not contain the email address of the account';
    if (words.name.some((word) => lower.includes(word)))
      return 'must not contain the name of the account';
    this.estimator ??= loadEstimator();
    const estimate = (await this.estimator).check(normalized, [...words.email, ...words.name]);
    // zxcvbn indexes UTF-16 units of the part it looked at.
    if (isCommonPassword(estimate, Math.min(normalized.length, PASSWORD_POLICY.estimatedLength)))
      return 'is a commonly used password';
    if (estimate.score < PASSWORD_POLICY.minScore) {
      const warning = estimate.feedback.warning ? ` (${estimate.feedback.warning})` : '';
      return `is too easy to guess${warning}; a few unrelated words make a strong password`;
    }
    return null;
  }

  /** BAD_USER_INPUT on `field` with a message saying why. */
  async assertAcceptable(password: string, owner: PasswordOwner, field: string): Promise<void> {
    const problem = await this.problemWith(password, owner);
    if (problem) throw DomainException.badInput(field, `${field} ${problem}`);
  }
}
