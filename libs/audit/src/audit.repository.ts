import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditEventEntity } from './audit-event.entity';

export interface ChainHead {
  /** Null while the chain is empty. */
  id: string | null;
  hash: string | null;
  /** The event the newest checkpoint vouches for; null before the first checkpoint. */
  checkpointedId: string | null;
}

/** Any constant shared by all writers: appends are serialised so that each sees the previous hash. */
const AUDIT_CHAIN_LOCK = 0x41554449;

@Injectable()
export class AuditRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get repo() {
    return this.txHost.tx.getRepository(AuditEventEntity);
  }

  /** Must run inside the caller's transaction: the lock is held until it commits. */
  async lockChain(): Promise<void> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  }

  /**
   * The newest event and the newest checkpointed event id, in one round trip: it runs while the
   * chain lock is held, so it must stay as short as the single read it replaced.
   */
  async head(): Promise<ChainHead> {
    const [row] = (await this.txHost.tx.query(
      `SELECT e.id AS "id", e.hash AS "hash",
              (SELECT c."eventId" FROM audit_checkpoints c ORDER BY c.id DESC LIMIT 1) AS "checkpointedId"
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1) e ON true`,
    )) as ChainHead[];
    return row;
  }

  insert(event: Omit<AuditEventEntity, 'id'>): Promise<AuditEventEntity> {
    return this.repo.save(this.repo.create(event));
  }

  /** Newest first; `beforeId` continues a page. */
  list(
    limit: number,
    beforeId: string | null,
    entityId: string | null,
  ): Promise<AuditEventEntity[]> {
    const query = this.repo.createQueryBuilder('e').orderBy('e.id', 'DESC').take(limit);
    if (beforeId) query.andWhere('e.id < :beforeId', { beforeId });
    if (entityId) query.andWhere('e.entityId = :entityId', { entityId });
    return query.getMany();
  }

  /** Oldest first, a batch at a time, for verification. */
  batchAfter(afterId: string | null, size: number): Promise<AuditEventEntity[]> {
    const query = this.repo.createQueryBuilder('e').orderBy('e.id', 'ASC').take(size);
    if (afterId) query.where('e.id > :afterId', { afterId });
    return query.getMany();
  }
}
