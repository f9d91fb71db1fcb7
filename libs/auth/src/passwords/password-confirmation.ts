import { Injectable } from '@nestjs/common';
import { Actor, DomainException } from '@accord/common';
import { LoginRateLimiter } from '../login-rate-limiter';
import { PasswordHasher } from '../password-hasher';
import { UsersRepository } from '../users.repository';

/**
 * Re-checks a signed-in user's current password before a sensitive change (new password,
 * second factor off). Guesses count like login attempts from the same address at the same
 * account, so a stolen access token is no faster way to guess the password than login.
 */
@Injectable()
export class PasswordConfirmation {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
  ) {}

  /** BAD_USER_INPUT on `field` when the password is not the user's current one; RATE_LIMITED after too many. */
  async confirm(
    actor: Actor,
    password: string,
    field: string,
    address: string | null,
  ): Promise<void> {
    const client = address ?? 'unknown';
    const hash = await this.users.getPasswordHash(actor.id);
    const account = { email: actor.email, passwordHash: hash };
    await this.limiter.admit(account, client);
    if (!(await this.hasher.verify(hash, password))) {
      await this.limiter.failed(account, client);
      throw DomainException.badInput(field, `${field} is not your current password`);
    }
    await this.limiter.succeeded(account, client);
  }
}
