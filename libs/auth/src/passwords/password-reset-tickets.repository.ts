import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { IsNull } from 'typeorm';
import { PasswordResetTicketEntity } from './password-reset-ticket.entity';

@Injectable()
export class PasswordResetTicketsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get repo() {
    return this.txHost.tx.getRepository(PasswordResetTicketEntity);
  }

  insert(
    ticket: Pick<PasswordResetTicketEntity, 'userId' | 'tokenHash' | 'issuedById' | 'expiresAt'>,
  ): Promise<PasswordResetTicketEntity> {
    return this.repo.save(this.repo.create(ticket));
  }

  /** `lock`: hold the row until the transaction ends, so that a ticket is used once even by parallel requests. */
  getByTokenHash(tokenHash: string, lock = false): Promise<PasswordResetTicketEntity | null> {
    const query = this.repo
      .createQueryBuilder('t')
      .where('t.tokenHash = :tokenHash', { tokenHash });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { usedAt: at });
  }

  /** Voids every open ticket of the user. */
  async revokeOpen(userId: string, at: Date): Promise<void> {
    await this.repo.update({ userId, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: at });
  }
}
