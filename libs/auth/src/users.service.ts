import { Injectable } from '@nestjs/common';
import {
  Actor,
  ConfigError,
  DomainException,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { CreateUserInput } from './dto/create-user.input';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './passwords/password-policy';
import { SessionEndReason } from './sessions/session.entity';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export type NewUser = Pick<CreateUserInput, 'email' | 'displayName' | 'password' | 'platformRole'>;

/** Boot-time users may come with a ready hash (the demo users share one: hashing is slow). */
export type ProvisionedUser = NewUser & { passwordHash?: string };

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  async create(actor: Actor | null, input: NewUser): Promise<UserEntity> {
    assertCan(actor, 'user.create', { platformRole: input.platformRole });
    if (input.password) await this.policy.assertAcceptable(input.password, input, 'password');
    return this.insert(actor, input);
  }

  /**
   * Boot-time: the admin named by ADMIN_EMAIL, created once if no user has that email; a
   * password the policy refuses stops the start, naming ADMIN_PASSWORD.
   */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    if (await this.findByEmail(email)) return false;
    const admin = {
      email,
      password,
      displayName: 'Administrator',
      platformRole: PlatformRole.ADMIN,
    };
    const problem = await this.policy.problemWith(password, admin);
    if (problem) throw new ConfigError('ADMIN_PASSWORD', problem);
    await this.provision(admin);
    return true;
  }

  /**
   * An operator's task on the server (`npm run accord -- create-user`): like ADMIN_EMAIL, no
   * caller to check (whoever runs it holds the database), but the same input rules, password
   * policy and audit event, recorded as the system with `via` (e.g. "cli") in its details.
   */
  async createByOperator(input: NewUser, via: string): Promise<UserEntity> {
    if (input.password) await this.policy.assertAcceptable(input.password, input, 'password');
    return this.insert(null, input, { via });
  }

  /** Boot-time creation with no caller (the configured admin, the demo users); audited as the system. */
  provision(input: ProvisionedUser): Promise<UserEntity> {
    return this.insert(null, input);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.getByEmail(email.trim().toLowerCase());
  }

  getById(id: string): Promise<UserEntity | null> {
    return this.users.getById(id);
  }

  list(actor: Actor | null, first: number, after: string | null): Promise<UserEntity[]> {
    assertCan(actor, 'user.list', {});
    return this.users.list(first, after);
  }

  async setDisabled(actor: Actor | null, userId: string, disabled: boolean): Promise<UserEntity> {
    assertCan(actor, 'user.disable', { userId });
    return this.change(
      actor,
      userId,
      disabled ? 'user.disabled' : 'user.enabled',
      { disabledAt: disabled ? new Date() : null },
      disabled ? SessionEndReason.USER_DISABLED : null,
    );
  }

  async setRole(
    actor: Actor | null,
    userId: string,
    platformRole: PlatformRole,
  ): Promise<UserEntity> {
    assertCan(actor, 'user.setRole', { userId });
    return this.change(
      actor,
      userId,
      'user.roleChanged',
      { platformRole },
      SessionEndReason.ROLE_CHANGED,
    );
  }

  private async change(
    actor: Actor | null,
    userId: string,
    action: string,
    changes: Partial<Pick<UserEntity, 'platformRole' | 'disabledAt'>>,
    endSessions: SessionEndReason | null,
  ): Promise<UserEntity> {
    return this.txHost.withTransaction(async () => {
      if (!(await this.users.getById(userId))) throw DomainException.notFound('User', 'userId');
      await this.users.update(userId, changes);
      // Their tokens stop working at once: they sign in again and get the new rights.
      if (endSessions) await this.sessions.endAllForUser(userId, { reason: endSessions, actor });
      await this.audit.record(actor, {
        action,
        entityType: 'User',
        entityId: userId,
        details: { ...changes },
      });
      return (await this.users.getById(userId))!;
    });
  }

  private async insert(
    actor: Actor | null,
    input: ProvisionedUser,
    auditDetails: Record<string, unknown> = {},
  ): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    const passwordHash =
      input.passwordHash ?? (input.password ? await this.hasher.hash(input.password) : null);
    return this.txHost.withTransaction(async () => {
      if (await this.users.getByEmail(email)) {
        throw DomainException.conflict('A user with this email already exists', { field: 'email' });
      }
      const user = await this.users.create({
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        platformRole: input.platformRole,
      });
      await this.audit.record(actor, {
        action: 'user.created',
        entityType: 'User',
        entityId: user.id,
        details: {
          email,
          platformRole: user.platformRole,
          passwordSet: passwordHash !== null,
          ...auditDetails,
        },
      });
      return user;
    });
  }
}
