import { Injectable } from '@nestjs/common';
import { plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get repo() {
    return this.txHost.tx.getRepository(UserEntity);
  }

  getById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /**
   * Plain rows (no hydration) with the entity's columns, the password hash left out as the
   * entity does, and mfaEnabled as its virtual column computes it: the authors of a draft's
   * comments are read on every draft read.
   */
  getByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT u.id, u.email, u."displayName", u."platformRole", u."disabledAt", u."lastLoginAt",
         u.language, u.timezone, u."createdAt",
         EXISTS (SELECT 1 FROM totp_credentials t WHERE t."userId" = u.id AND t."enabledAt" IS NOT NULL)
           AS "mfaEnabled"
       FROM users u WHERE u.id = ANY($1)`,
      [ids],
    );
  }

  getByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  /** The only read that includes the password hash. */
  getCredentials(email: string): Promise<UserEntity | null> {
    return this.repo
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  /** The password hash of one user (null when none is set), for re-checking the current password. */
  async getPasswordHash(id: string): Promise<string | null> {
    const row = await this.repo
      .createQueryBuilder('u')
      .select('u.passwordHash', 'passwordHash')
      .where('u.id = :id', { id })
      .getRawOne<{ passwordHash: string | null }>();
    return row?.passwordHash ?? null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }

  async setLastLogin(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: at });
  }

  create(
    user: Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'platformRole'>,
  ): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  async update(
    id: string,
    changes: Partial<Pick<UserEntity, 'platformRole' | 'disabledAt'>>,
  ): Promise<void> {
    await this.repo.update({ id }, changes);
  }

  list(limit: number, afterEmail: string | null): Promise<UserEntity[]> {
    const query = this.repo.createQueryBuilder('u').orderBy('u.email', 'ASC').take(limit);
    if (afterEmail) query.where('u.email > :afterEmail', { afterEmail });
    return query.getMany();
  }
}
