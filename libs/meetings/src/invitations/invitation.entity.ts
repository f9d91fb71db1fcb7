import { InvitationStatus } from '@accord/common';
import { ParticipantEntity } from '@accord/participants';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity';

@Entity('invitations')
@Index(['participantId'])
export class InvitationEntity {
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

  @Column({
    type: 'enum',
    enum: InvitationStatus,
    enumName: 'invitation_status',
    default: InvitationStatus.INVITED,
  })
  status: InvitationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
