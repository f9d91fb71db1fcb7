import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../user.entity';

/** A user's TOTP secret: pending until confirmed with a valid code, then on. */
@Entity('totp_credentials')
export class TotpCredentialEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  /** The base32 secret sealed by SecretBox (AES-256-GCM), never in clear. */
  @Column({ type: 'varchar', length: 200 })
  sealedSecret: string;

  /** Null while the enrolment waits for its first valid code. */
  @Column({ type: 'timestamptz', nullable: true })
  enabledAt: Date | null;

  /** The last time step a code was accepted for: a code of this step or an earlier one is refused (no replay). */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: unknown) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  lastUsedStep: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
