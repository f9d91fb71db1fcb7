import { MeetingStatus } from '@accord/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A meeting of the process; each follows at most one earlier meeting and is followed by at most one. */
@Entity('meetings')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  city: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  venue: string | null;

  /** IANA time zone, e.g. Europe/Paris: agendas are laid out in the meeting's own local time. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({
    type: 'enum',
    enum: MeetingStatus,
    enumName: 'meeting_status',
    default: MeetingStatus.PLANNED,
  })
  status: MeetingStatus;

  @Column({ type: 'uuid', nullable: true })
  previousMeetingId: string | null;

  @OneToOne(() => MeetingEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'previousMeetingId' })
  previousMeeting?: MeetingEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
