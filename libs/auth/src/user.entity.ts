import { PlatformRole } from '@accord/common';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased: emails are unique regardless of case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({
    type: 'enum',
    enum: PlatformRole,
    enumName: 'platform_role',
    default: PlatformRole.NONE,
  })
  platformRole: PlatformRole;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
