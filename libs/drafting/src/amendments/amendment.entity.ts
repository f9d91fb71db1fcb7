import { AmendmentKind, AmendmentStatus, ClauseKind } from '@accord/common';
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
import { ClauseEntity } from '../clauses/clause.entity';
import { DocumentEntity } from '../documents/document.entity';

@Entity('amendments')
@Index(['documentId', 'status'])
@Index(['clauseId'])
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'documentId' })
  document?: DocumentEntity;

  @Column('uuid')
  clauseId: string;

  @ManyToOne(() => ClauseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clauseId' })
  clause?: ClauseEntity;

  @Column({ type: 'enum', enum: AmendmentKind, enumName: 'amendment_kind' })
  kind: AmendmentKind;

  /** The new text (REPLACE) or the inserted clause's text (INSERT_AFTER); null for DELETE. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** The kind of the clause an INSERT_AFTER adds; null for REPLACE and DELETE. */
  @Column({ type: 'enum', enum: ClauseKind, enumName: 'clause_kind', nullable: true })
  clauseKind: ClauseKind | null;

  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Column({
    type: 'enum',
    enum: AmendmentStatus,
    enumName: 'amendment_status',
    default: AmendmentStatus.PROPOSED,
  })
  status: AmendmentStatus;

  /** The proposing participant (delegation). */
  @Column('uuid')
  proposerId: string;

  @ManyToOne(() => ParticipantEntity)
  @JoinColumn({ name: 'proposerId' })
  proposer?: ParticipantEntity;

  @Column('uuid')
  proposedById: string;

  /** The clause's row version when proposed (or last re-based): a later change is a CONFLICT. */
  @Column({ type: 'int' })
  baseClauseVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;
}
