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

@Injectable()
export class PasswordHasher {
  /** Verified against when an email is unknown or has no password, so that every failure takes the same time. */
  private readonly decoy = argon2.hash('decoy password that matches nothing', ARGON2_PARAMS);

  hash(password: string): Promise<string> {
    return argon2.hash(normalizePassword(password), ARGON2_PARAMS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    const ok = await argon2.verify(target, normalizePassword(password)).catch(() => false);
    return ok && hash !== null;
  }
}
