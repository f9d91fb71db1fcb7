import { DelegationRole } from '@accord/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  JoinColumn,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '@accord/auth';
import { ParticipantEntity } from './participant.entity';

/** A user belongs to at most one delegation: the user id is the primary key. */
@Entity('delegation_memberships')
@Index(['participantId'])
export class DelegationMembershipEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @Column('uuid')
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant?: ParticipantEntity;

  @Column({ type: 'enum', enum: DelegationRole, enumName: 'delegation_role' })
  role: DelegationRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
