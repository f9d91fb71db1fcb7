import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: rows are inserted by AuditService and never updated or deleted by the app. */
@Entity('audit_events')
@Index(['entityId'])
@Index('UQ_audit_events_stream_seq', ['stream', 'seq'], { unique: true })
export class AuditEventEntity {
  /** Global order: taken under the stream's lock, so it grows with `seq` within a stream. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ type: 'varchar', length: 100 })
  entityType: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  /** The chain this event belongs to (see auditStreamOf) and its place in it, from 1. */
  @Column({ type: 'varchar', length: 100 })
  stream: string;

  @Column({ type: 'bigint' })
  seq: string;

  /** 1: written before partitioning, hashed without id/stream/seq; 2: see auditHash. */
  @Column({ type: 'smallint', default: 2 })
  hashVersion: number;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** The hash of the previous event of the same stream; null for a stream's first event. */
  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;
}
