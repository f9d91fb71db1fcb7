import { ParticipantKind } from '@accord/common';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('participants')
@Index('participants_name_ci_unique', { synchronize: false })
@Index(['name', 'id'])
@Index('participants_state_country_unique', ['countryCode'], {
  unique: true,
  where: `"kind" = 'STATE'`,
})
export class ParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ParticipantKind, enumName: 'participant_kind' })
  kind: ParticipantKind;

  /** Unique regardless of case (an expression index on lower(name), made by the migration). */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  shortName: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
