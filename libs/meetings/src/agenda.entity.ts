import { AgendaItemKind } from '@accord/common';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

/** One stored agenda item; times are ISO 8601 instants, laid out in the meeting's time zone. */
export interface StoredAgendaItem {
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
