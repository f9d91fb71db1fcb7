import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: rows are inserted by AuditService and never updated or deleted by the app. */
@Entity('audit_events')
@Index(['entityId'])
export class AuditEventEntity {
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

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;
}
