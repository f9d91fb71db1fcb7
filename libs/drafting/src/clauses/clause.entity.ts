import { ClauseKind } from '@accord/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DocumentEntity } from '../documents/document.entity';

/** An ordered part of a document; removed clauses are kept (deletedAt) so amendments and comments keep their target. */
@Entity('clauses')
@Index(['documentId', 'position'])
export class ClauseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'documentId' })
  document?: DocumentEntity;

  /** 1-based order among the document's live clauses. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'enum', enum: ClauseKind, enumName: 'clause_kind' })
  kind: ClauseKind;

  @Column({ type: 'text' })
  text: string;

  /** Row version for optimistic locking: bumped on every change of the text. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
