import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../user.entity';

/** Why a session ended; stored in revokedReason and shown in the audit trail. */
export enum SessionEndReason {
  LOGOUT = 'logout',
  REVOKED = 'revoked',
  REFRESH_TOKEN_REUSED = 'refresh-token-reused',
  USER_DISABLED = 'user-disabled',
  ROLE_CHANGED = 'role-changed',
  PASSWORD_CHANGED = 'password-changed',
  PASSWORD_RESET = 'password-reset',
  MFA_CHANGED = 'mfa-changed',
}

/** A signed-in device: access tokens name it (claim `sid`) and die with it. */
@Entity('sessions')
@Index(['userId', 'revokedAt'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @Column('uuid')
  userId: string;

  /** SHA-256 (hex) of the current refresh token; the token itself is never stored. */
  @Column({ type: 'char', length: 64, select: false })
  refreshTokenHash: string;

  /** Hashes of refresh tokens already rotated away (newest last): presenting one means theft. */
  @Column({ type: 'char', length: 64, array: true, default: () => "'{}'", select: false })
  previousRefreshHashes: string[];

  /** How many times the refresh token was rotated. */
  @Column({ type: 'integer', default: 0 })
  rotationCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  revokedReason: SessionEndReason | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;
}
