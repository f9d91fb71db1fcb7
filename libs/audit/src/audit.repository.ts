import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditEventEntity } from './audit-event.entity';
import { AuditStreamEntity } from './audit-stream.entity';

export interface LockedStream {
  /** The stream's length (its head's seq), '0' while empty, and its head's hash. */
  seq: string;
  hash: string | null;
  /** The id the next event gets: drawn after the lock, so ids grow with seq in a stream. */
  nextId: string;
  /** The event the newest checkpoint names; null before the first checkpoint. */
  checkpointedId: string | null;
}

export type NewAuditEvent = Omit<AuditEventEntity, 'hashVersion'>;

@Injectable()
export class AuditRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get repo() {
    return this.txHost.tx.getRepository(AuditEventEntity);
  }

  /**
   * Locks the stream's head row until the caller's transaction ends and reads it, with the next
   * event id, in one round trip. The CTE locks first: nextval runs on the locked row only.
   * A stream's first writer creates its row (ON CONFLICT: two first writers both get it).
   */
  async lockStream(stream: string): Promise<LockedStream> {
    for (;;) {
      const [row] = (await this.txHost.tx.query(
        `WITH head AS (SELECT seq, "headHash" FROM audit_streams WHERE stream = $1 FOR UPDATE)
         SELECT head.seq::text AS "seq", head."headHash" AS "hash",
                nextval(pg_get_serial_sequence('audit_events', 'id'))::text AS "nextId",
                (SELECT c."eventId"::text FROM audit_checkpoints c ORDER BY c.id DESC LIMIT 1) AS "checkpointedId"
           FROM head`,
        [stream],
      )) as LockedStream[];
      if (row) return row;
      await this.txHost.tx.query(
        `INSERT INTO audit_streams (stream, seq) VALUES ($1, 0) ON CONFLICT (stream) DO NOTHING`,
        [stream],
      );
    }
  }

  /** Inserts the event and moves its stream's head to it, in one statement (lock held). */
  async append(event: NewAuditEvent): Promise<void> {
    await this.txHost.tx.query(
      `WITH e AS (
         INSERT INTO audit_events (id, at, "actorId", "participantId", action, "entityType", "entityId", details, stream, seq, "hashVersion", hash, "prevHash")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 2, $11, $12))
       UPDATE audit_streams SET seq = $10, "headId" = $1, "headHash" = $11 WHERE stream = $9`,
      [
        event.id,
        event.at,
        event.actorId,
        event.participantId,
        event.action,
        event.entityType,
        event.entityId,
        JSON.stringify(event.details),
        event.stream,
        event.seq,
        event.hash,
        event.prevHash,
      ],
    );
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

  /** Every stream's head row, for the verifier to compare with the events. */
  streams(): Promise<AuditStreamEntity[]> {
    return this.txHost.tx.getRepository(AuditStreamEntity).find();
  }
}
