import { DocumentKind, DocumentStatus, ParticipantKind } from '@accord/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export interface TitleTranslation {
  title: string;
  /** The title in the language of negotiation when this one was set. */
  source: string;
}

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'enum', enum: DocumentKind, enumName: 'document_kind' })
  kind: DocumentKind;

  @Column({
    type: 'enum',
    enum: DocumentStatus,
    enumName: 'document_status',
    default: DocumentStatus.DRAFT,
  })
  status: DocumentStatus;

  /** Which participant kinds may read the draft and sign. */
  @Column({ type: 'enum', enum: ParticipantKind, enumName: 'participant_kind', array: true })
  eligibleKinds: ParticipantKind[];

  /** Authentic languages, lowercase BCP 47 codes; the first is the language of negotiation. */
  @Column({ type: 'varchar', length: 12, array: true, default: () => "'{en}'" })
  languages: string[];

  /**
   * The title in the other authentic languages, each with the title (in the language of
   * negotiation) it translates: a translation of another title is stale.
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  titleTranslations: Record<string, TitleTranslation>;

  /** Number of the latest DocumentVersion (0 before the first clause). */
  @Column({ type: 'int', default: 0 })
  currentVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  adoptedAt: Date | null;

  /** SHA-256 of the canonical text of the version adopted; never changes after adoption. */
  @Column({ type: 'char', length: 64, nullable: true })
  adoptedHash: string | null;

  @Column({ type: 'int', nullable: true })
  adoptedVersion: number | null;

  /** Whether participants may make reservations to the adopted text (set before adoption). */
  @Column({ type: 'boolean', default: false })
  reservationsAllowed: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
