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

/** A single-use ticket to set a user's password; only the SHA-256 of its token is stored. */
@Entity('password_reset_tickets')
@Index(['userId'])
export class PasswordResetTicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: UserEntity;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash: string;

  /** Who issued it (an admin or the secretariat); null when they were deleted. */
  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Set when a newer ticket, a password change or a reset made it void. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
