import { AgendaItemKind } from '@accord/common';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity';

/** One stored agenda item; times are ISO 8601 instants, laid out in the meeting's time zone. */
export interface StoredAgendaItem {
  /**
   * The same item across versions (the UID of its calendar event): kept by edits and by
   * regeneration (agenda-item-keys.ts). Set on every saved item; optional for code that builds
   * items before they are saved.
   */
  key?: string;
  number: string;
  kind: AgendaItemKind;
  title: string;
  startsAt: string;
  endsAt: string;
  documentId: string | null;
  clauseIds: string[];
  participantIds: string[];
  notes: string | null;
}

/** An item an earlier version had and a later one dropped: published as a cancelled event. */
export interface RemovedAgendaItem extends StoredAgendaItem {
  /**
   * The item as the last published version that had it showed it (what the public may have
   * imported); null when only drafts had it (then only the secretariat ever saw it).
   */
  publishedAs: StoredAgendaItem | null;
}

/** Every generation or edit makes a new version; publishing marks one version public. */
@Entity('agendas')
export class AgendaEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  meeting?: MeetingEntity;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  items: StoredAgendaItem[];

  @Column({ type: 'jsonb', default: [] })
  warnings: string[];

  /** Items of earlier versions that this one no longer has, last state of each. */
  @Column({ type: 'jsonb', default: [] })
  removedItems: RemovedAgendaItem[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Set by the secretariat when publishing: the follow-up item names the action items to everyone. */
  @Column({ type: 'boolean', default: false })
  publishActionItems: boolean;
}
