import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** Password length bounds, counted in Unicode code points after NFKC normalization (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The one place argon2id is configured: 64 MiB, 3 passes, 4 lanes (OWASP's and RFC 9106's
 * second recommended option). Hashes record their parameters, so changing these keeps old
 * hashes verifiable.
 */
export const ARGON2_PARAMS = {
  type: argon2.argon2id,
  memoryCost: 64 * 1024,
  timeCost: 3,
  parallelism: 4,
} as const;

/** NIST asks for a stable form of Unicode input, so that the same password typed on another device matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Verified against when an email is unknown or has no password, so that every failure takes the
 * same time: the argon2id hash, with ARGON2_PARAMS, of 32 random bytes nobody kept. A constant
 * rather than hashed at each start (a spec checks it follows ARGON2_PARAMS).
 */
export const DECOY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$0m63BXovHfAZMWXbr5fH9Q$MXnFVqyfkd8Z1RUDM/z0Ifz+6LNRVUBtzvDU4KFzo8A';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(normalizePassword(password), ARGON2_PARAMS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? DECOY_HASH;
    const ok = await argon2.verify(target, normalizePassword(password)).catch(() => false);
    return ok && hash !== null;
  }
}
