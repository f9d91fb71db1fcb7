import { ActionItemStatus } from '@accord/common';
import { ParticipantEntity } from '@accord/participants';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity';

@Entity('action_items')
@Index(['dueAtId'])
@Index(['raisedAtId'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'ownerId' })
  owner?: ParticipantEntity | null;

  @Column('uuid')
  raisedAtId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'raisedAtId' })
  raisedAt?: MeetingEntity;

  @Column({ type: 'uuid', nullable: true })
  dueAtId: string | null;

  @ManyToOne(() => MeetingEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'dueAtId' })
  dueAt?: MeetingEntity | null;

  @Column({
    type: 'enum',
    enum: ActionItemStatus,
    enumName: 'action_item_status',
    default: ActionItemStatus.OPEN,
  })
  status: ActionItemStatus;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
