import { PlatformRole } from '@accord/common';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased: emails are unique regardless of case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  /** Null until the user sets a password through a reset ticket (created without one). */
  @Column({ type: 'varchar', length: 200, select: false, nullable: true })
  passwordHash: string | null;

  @Column({
    type: 'enum',
    enum: PlatformRole,
    enumName: 'platform_role',
    default: PlatformRole.NONE,
  })
  platformRole: PlatformRole;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** BCP 47 code of the language the user reads the platform in. */
  @Column({ type: 'varchar', length: 35, default: 'en' })
  language: string;

  /** IANA time zone the user reads times in (their emails); null: UTC. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  timezone: string | null;

  /** Read from the second-factor table, its one source of truth (not set on a freshly saved row). */
  @VirtualColumn({
    type: 'boolean',
    query: (alias) =>
      `SELECT EXISTS (SELECT 1 FROM totp_credentials t WHERE t."userId" = ${alias}.id AND t."enabledAt" IS NOT NULL)`,
  })
  mfaEnabled?: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
