import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only, like audit_events: a signed statement that the chain reached `eventId` with
 * `eventHash`. Losing events after it, or rewriting the chain up to it, no longer goes unseen.
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

  /** HMAC-SHA256 of (eventId, eventHash, at) with the checkpoint key, hex. */
  @Column({ type: 'char', length: 64 })
  mac: string;
}
