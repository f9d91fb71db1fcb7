import { Injectable } from '@nestjs/common';
import { DomainException } from '@accord/common';
import { PasswordHasher } from '../password-hasher';
import { UsersRepository } from '../users.repository';

/** Re-checks a signed-in user's current password before a sensitive change (new password, second factor off). */
@Injectable()
export class PasswordConfirmation {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** BAD_USER_INPUT on `field` when the password is not the user's current one. */
  async confirm(userId: string, password: string, field: string): Promise<void> {
    const hash = await this.users.getPasswordHash(userId);
    if (!(await this.hasher.verify(hash, password)))
      throw DomainException.badInput(field, `${field} is not your current password`);
  }
}
