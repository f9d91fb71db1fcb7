import { ParticipantEntity } from '@accord/participants';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AmendmentEntity } from './amendment.entity';

@Entity('amendment_cosponsors')
export class AmendmentCosponsorEntity {
  @PrimaryColumn('uuid')
  amendmentId: string;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'amendmentId' })
  amendment?: AmendmentEntity;

  @PrimaryColumn('uuid')
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participantId' })
  participant?: ParticipantEntity;

  @Column('uuid')
  cosponsoredById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
