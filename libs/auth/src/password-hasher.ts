import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow OWASP's guidance. */
@Injectable()
export class PasswordHasher {
  /** Verified against when an email is unknown, so that both failures take the same time. */
  private readonly decoy = argon2.hash('decoy password that matches nothing', {
    type: argon2.argon2id,
  });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    const ok = await argon2.verify(target, password).catch(() => false);
    return ok && hash !== null;
  }
}
