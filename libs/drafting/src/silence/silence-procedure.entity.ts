import { UserEntity } from '@accord/auth';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentEntity } from '../documents/document.entity';
import { SilenceStatus } from './silence-status';

/**
 * A text circulated under silence: adopted at `deadline` unless a participant that may sign
 * breaks silence before it. At most one RUNNING per document (a partial unique index).
 */
@Entity('silence_procedures')
@Index('silence_procedures_one_running_per_document', ['documentId'], {
  unique: true,
  where: `"status" = 'RUNNING'`,
})
@Index(['documentId', 'startedAt'])
// The start-up sweep and the agenda read by status and time.
@Index(['status', 'deadline'])
export class SilenceProcedureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'documentId' })
  document?: DocumentEntity;

  @Column({ type: 'enum', enum: SilenceStatus, enumName: 'silence_status' })
  status: SilenceStatus;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  /** The IANA time zone the deadline was announced in. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'uuid', nullable: true })
  startedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'startedById' })
  startedBy?: UserEntity | null;

  /** When it ended: the deadline when CONCLUDED, the break or the cancellation otherwise. */
  @Column({ type: 'timestamptz', nullable: true })
  concludedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;
}
