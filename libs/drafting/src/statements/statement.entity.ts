import { UserEntity } from '@accord/auth';
import { ParticipantEntity } from '@accord/participants';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentEntity } from '../documents/document.entity';
import { StatementKind } from './statement-kind';

/** What a participant put on record about an adopted text; kept, marked, when withdrawn. */
@Entity('statements')
@Index(['documentId', 'madeAt'])
@Index(['inResponseToId'])
// Clause.statements: `"clauseIds" && $1` over the clauses of a page.
@Index('statements_clause_ids', { synchronize: false })
export class StatementEntity {
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

  @Column({ type: 'enum', enum: StatementKind, enumName: 'statement_kind' })
  kind: StatementKind;

  @Column({ type: 'text' })
  text: string;

  /** The clauses of the adopted text it is anchored to, in the order given (may be empty). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  clauseIds: string[];

  /** For an OBJECTION: the reservation it answers. */
  @Column({ type: 'uuid', nullable: true })
  inResponseToId: string | null;

  @ManyToOne(() => StatementEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'inResponseToId' })
  inResponseTo?: StatementEntity | null;

  @Column({ type: 'timestamptz' })
  madeAt: Date;

  /** The head of delegation, or the secretariat officer recording it on the participant's behalf. */
  @Column('uuid')
  madeById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'madeById' })
  madeBy?: UserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnById: string | null;
}
