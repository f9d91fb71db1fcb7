import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';

@Injectable()
export class AuditCheckpointsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get repo() {
    return this.txHost.tx.getRepository(AuditCheckpointEntity);
  }

  async insert(checkpoint: Omit<AuditCheckpointEntity, 'id'>): Promise<void> {
    await this.repo.insert(checkpoint);
  }

  /** Every checkpoint, in the chain's order (one per N events: a small table). */
  all(): Promise<AuditCheckpointEntity[]> {
    return this.repo
      .createQueryBuilder('c')
      .orderBy('c.eventId', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }
}
