import { UserEntity } from '@accord/auth';
import { ParticipantEntity } from '@accord/participants';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SilenceProcedureEntity } from './silence-procedure.entity';

/** A participant's written objection that ended a silence procedure. */
@Entity('silence_breaks')
@Index(['procedureId', 'participantId'], { unique: true })
export class SilenceBreakEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  procedureId: string;

  @ManyToOne(() => SilenceProcedureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'procedureId' })
  procedure?: SilenceProcedureEntity;

  @Column('uuid')
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participantId' })
  participant?: ParticipantEntity;

  @Column('uuid')
  brokenById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brokenById' })
  brokenBy?: UserEntity;

  /** The database's clock when the break was accepted. */
  @Column({ type: 'timestamptz' })
  brokenAt: Date;

  @Column({ type: 'text' })
  reason: string;
}
