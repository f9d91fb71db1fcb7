import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditCheckpointEntity, CheckpointHead } from './audit-checkpoint.entity';

/** Only checkpoint writers take it: they take turns, event writers never wait for it. */
const CHECKPOINT_LOCK = 0x41554443;

export interface CheckpointDraft {
  /** Streams whose head moved since the last checkpoint, sorted by stream. */
  heads: CheckpointHead[];
  /** The newest event among all stream heads, and its hash. */
  eventId: string | null;
  eventHash: string | null;
  /** The last checkpoint: its MAC (to chain to) and the event it named. */
  prevMac: string | null;
  prevEventId: string | null;
}

@Injectable()
export class AuditCheckpointsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get repo() {
    return this.txHost.tx.getRepository(AuditCheckpointEntity);
  }

  /** Held until the transaction ends. */
  async lock(): Promise<void> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
  }

  /** The lock if free (held until the transaction ends); false at once if another holds it. */
  async tryLock(): Promise<boolean> {
    const [row] = (await this.txHost.tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
      CHECKPOINT_LOCK,
    ])) as { locked: boolean }[];
    return row.locked;
  }

  /**
   * One statement, so one snapshot: every stream head that moved since the last checkpoint,
   * the newest head overall and the last checkpoint. Reads the heads without locking them.
   */
  async draft(): Promise<CheckpointDraft> {
    const [row] = (await this.txHost.tx.query(
      `SELECT
         (SELECT coalesce(jsonb_agg(jsonb_build_array(s.stream, s.seq::text, s."headId"::text, s."headHash") ORDER BY s.stream), '[]'::jsonb)
            FROM audit_streams s LEFT JOIN audit_checkpointed_heads c ON c.stream = s.stream
           WHERE s."headId" IS NOT NULL AND c.seq IS DISTINCT FROM s.seq) AS "heads",
         n."headId"::text AS "eventId", n."headHash" AS "eventHash",
         p.mac AS "prevMac", p."eventId"::text AS "prevEventId"
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT "headId", "headHash" FROM audit_streams WHERE "headId" IS NOT NULL ORDER BY "headId" DESC LIMIT 1) n ON true
       LEFT JOIN LATERAL (SELECT mac, "eventId" FROM audit_checkpoints ORDER BY id DESC LIMIT 1) p ON true`,
    )) as CheckpointDraft[];
    return row;
  }

  /** The checkpoint, and what it covers of each stream for the next one to compare with. */
  async insert(checkpoint: Omit<AuditCheckpointEntity, 'id'>): Promise<void> {
    await this.repo.insert(checkpoint);
    await this.txHost.tx.query(
      `INSERT INTO audit_checkpointed_heads (stream, seq)
       SELECT h->>0, (h->>1)::bigint FROM jsonb_array_elements($1::jsonb) h
       ON CONFLICT (stream) DO UPDATE SET seq = EXCLUDED.seq`,
      [JSON.stringify(checkpoint.heads ?? [])],
    );
  }

  /** Every checkpoint, in the order they were written (they chain to each other). */
  all(): Promise<AuditCheckpointEntity[]> {
    return this.repo.createQueryBuilder('c').orderBy('c.id', 'ASC').getMany();
  }
}
