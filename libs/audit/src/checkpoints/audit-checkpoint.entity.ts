import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One stream's head as a checkpoint vouches for it: [stream, seq, eventId, hash]. */
export type CheckpointHead = [stream: string, seq: string, eventId: string, hash: string];

/**
 * Append-only, like audit_events: a signed statement of how far the chain had come.
 * Version 1 (before partitioning): the one chain reached `eventId` with `eventHash`.
 * Version 2: `heads` lists every stream whose head moved since the previous checkpoint, and the
 * MAC also covers the previous checkpoint's MAC, so the checkpoints form a chain of their own;
 * folded in order, they give the head of every stream. `eventId`/`eventHash` name the newest
 * event covered.
 */
@Entity('audit_checkpoints')
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'char', length: 64 })
  eventHash: string;

  /** HMAC-SHA256 with the checkpoint key, hex: see checkpoint-mac.ts. */
  @Column({ type: 'char', length: 64 })
  mac: string;

  @Column({ type: 'smallint', default: 2 })
  version: number;

  @Column({ type: 'jsonb', nullable: true })
  heads: CheckpointHead[] | null;

  @Column({ type: 'char', length: 64, nullable: true })
  prevMac: string | null;
}
