import { ClauseKind } from '@accord/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { DocumentEntity } from '../documents/document.entity';

export interface ClauseSnapshot {
  id: string;
  kind: ClauseKind;
  number: string;
  text: string;
  /** The clause in each other authentic language declared at the time (absent: not translated). */
  translations?: Record<string, string>;
}

/** An immutable snapshot of the whole text, made on every change. */
@Entity('document_versions')
@Unique(['documentId', 'number'])
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'documentId' })
  document?: DocumentEntity;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** SHA-256 hex of `text`. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  /** The canonical text of the whole document (see canonical-text.ts). */
  @Column({ type: 'text' })
  text: string;

  /** The authentic languages at the time, the language of negotiation first. */
  @Column({ type: 'varchar', length: 12, array: true, default: () => "'{en}'" })
  languages: string[];

  /** The title in each authentic language ({} for versions made before titles were translated). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  titles: Record<string, string>;

  /** The clauses as they stood, for per-clause diffs. */
  @Column({ type: 'jsonb' })
  clauses: ClauseSnapshot[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
