import { DocumentEntity } from '@accord/drafting';
import { MeetingEntity } from '@accord/meetings';
import { ParticipantEntity } from '@accord/participants';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * One active signature per participant per document (a partial unique index); a withdrawn
 * signature is kept and marked, never deleted.
 */
@Entity('signatures')
@Index('signatures_one_active_per_participant', ['documentId', 'participantId'], {
  unique: true,
  where: '"withdrawnAt" IS NULL',
})
@Index(['participantId'])
// A document's signatories, withdrawn ones included, in the order they signed.
@Index(['documentId', 'signedAt'])
export class SignatureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'documentId' })
  document?: DocumentEntity;

  @Column('uuid')
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participantId' })
  participant?: ParticipantEntity;

  @Column({ type: 'timestamptz' })
  signedAt: Date;

  /** The head of delegation who signed through the platform. */
  @Column({ type: 'uuid', nullable: true })
  signedById: string | null;

  /** The secretariat officer who recorded a signature given on paper or at a ceremony. */
  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => MeetingEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'meetingId' })
  meeting?: MeetingEntity | null;

  /** SHA-256 of the text signed: the document's adoptedHash at the time. */
  @Column({ type: 'char', length: 64 })
  textHash: string;

  /** An interpretive declaration, if any. */
  @Column({ type: 'text', nullable: true })
  statement: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
