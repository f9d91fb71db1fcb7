import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { IsNull } from 'typeorm';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { TotpCredentialEntity } from './totp-credential.entity';

@Injectable()
export class SecondFactorRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get credentials() {
    return this.txHost.tx.getRepository(TotpCredentialEntity);
  }

  private get codes() {
    return this.txHost.tx.getRepository(RecoveryCodeEntity);
  }

  /** `lock`: inside a transaction, hold the row until it commits (enrolment steps do not interleave). */
  getCredential(userId: string, lock = false): Promise<TotpCredentialEntity | null> {
    const query = this.credentials.createQueryBuilder('t').where('t.userId = :userId', { userId });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** A fresh pending secret replaces any earlier pending one. */
  async savePending(userId: string, sealedSecret: string): Promise<void> {
    await this.credentials.delete({ userId });
    await this.credentials.insert({ userId, sealedSecret, enabledAt: null, lastUsedStep: null });
  }

  async enable(userId: string, at: Date): Promise<void> {
    await this.credentials.update({ userId }, { enabledAt: at });
  }

  /**
   * Records `step` as used, atomically: false when this step or a later one was already used,
   * so that two requests with the same code cannot both pass.
   */
  async claimStep(userId: string, step: number): Promise<boolean> {
    const result = await this.credentials
      .createQueryBuilder()
      .update()
      .set({ lastUsedStep: step })
      .where('"userId" = :userId', { userId })
      .andWhere('("lastUsedStep" IS NULL OR "lastUsedStep" < :step)', { step })
      .execute();
    return result.affected === 1;
  }

  /** Removes the secret and the recovery codes; true when a second factor was on. */
  async remove(userId: string): Promise<boolean> {
    const credential = await this.credentials.findOneBy({ userId });
    await this.codes.delete({ userId });
    await this.credentials.delete({ userId });
    return !!credential?.enabledAt;
  }

  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    await this.codes.delete({ userId });
    await this.codes.insert(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })));
  }

  /** Marks the code used, atomically: false when it is unknown or already used. */
  async useRecoveryCode(userId: string, codeHash: string, at: Date): Promise<boolean> {
    const result = await this.codes.update({ userId, codeHash, usedAt: IsNull() }, { usedAt: at });
    return result.affected === 1;
  }

  countUnusedRecoveryCodes(userId: string): Promise<number> {
    return this.codes.countBy({ userId, usedAt: IsNull() });
  }
}
