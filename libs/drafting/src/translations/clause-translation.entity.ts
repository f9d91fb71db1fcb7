import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ClauseEntity } from '../clauses/clause.entity';
import { DocumentEntity } from '../documents/document.entity';

/**
 * A clause's text in one authentic language other than the language of negotiation (that one
 * is the clause's own `text`). Kept when its language is removed from the document, hidden
 * until the language is declared again.
 */
@Entity('clause_translations')
@Unique(['clauseId', 'language'])
@Index(['documentId'])
export class ClauseTranslationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  clauseId: string;

  @ManyToOne(() => ClauseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clauseId' })
  clause?: ClauseEntity;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'documentId' })
  document?: DocumentEntity;

  /** Lowercase BCP 47 code (see language-codes.ts). */
  @Column({ type: 'varchar', length: 12 })
  language: string;

  @Column({ type: 'text' })
  text: string;

  /** The clause version translated; older than the clause's version means stale. */
  @Column({ type: 'int' })
  sourceVersion: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
