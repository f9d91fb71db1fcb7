import { ParticipantEntity } from '@accord/participants';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_hosts')
export class MeetingHostEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  meeting?: MeetingEntity;

  @PrimaryColumn('uuid')
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant?: ParticipantEntity;

  /** Hosts are listed in the order given (the first opens the meeting). */
  @Column({ type: 'int' })
  position: number;
}
