import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  MEMBERSHIP_LOOKUP,
  MembershipLookup,
  NOTIFIER,
  Notifier,
  PlatformRole,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { createHash, randomBytes } from 'node:crypto';
import { PasswordHasher } from '../password-hasher';
import { SessionEndReason } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { UserEntity } from '../user.entity';
import { UsersRepository } from '../users.repository';
import { PasswordConfirmation } from './password-confirmation';
import { PasswordPolicy } from './password-policy';
import { PasswordResetTicketEntity } from './password-reset-ticket.entity';
import { PasswordResetTicketsRepository } from './password-reset-tickets.repository';

export const RESET_TICKET_TTL_SECONDS = 24 * 3600;

export interface IssuedTicket {
  token: string;
  expiresAt: Date;
}

/** One answer for every bad ticket (unknown, used, expired, voided, someone else's): nothing to probe. */
const BAD_TICKET = 'This reset ticket is invalid, expired or already used; ask for a new one';

/** 256 random bits, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw DomainException.unauthenticated();
  return actor;
}

/** Passwords people own: changing one's own, and one-time reset tickets. */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tickets: PasswordResetTicketsRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly confirmation: PasswordConfirmation,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    @Inject(MEMBERSHIP_LOOKUP) private readonly memberships: MembershipLookup,
  ) {}

  /** Sets a new password after re-checking the current one; every other session of the user ends. */
  async change(
    caller: Actor | null,
    currentPassword: string,
    newPassword: string,
    address: string | null,
  ): Promise<boolean> {
    const actor = signedIn(caller);
    await this.confirmation.confirm(actor, currentPassword, 'currentPassword', address);
    await this.policy.assertAcceptable(newPassword, actor, 'newPassword');
    const hash = await this.hasher.hash(newPassword);
    await this.txHost.withTransaction(async () => {
      const now = new Date();
      await this.users.setPasswordHash(actor.id, hash);
      await this.tickets.revokeOpen(actor.id, now);
      // Whoever else holds a session (a stolen token, a forgotten device) is out; this one stays.
      const ended = await this.sessions.endAllForUser(actor.id, {
        reason: SessionEndReason.PASSWORD_CHANGED,
        exceptSessionId: actor.sessionId,
        actor,
      });
      await this.audit.record(actor, {
        action: 'user.passwordChanged',
        entityType: 'User',
        entityId: actor.id,
        details: { otherSessionsEnded: ended },
      });
    });
    return true;
  }

  /**
   * A single-use ticket valid 24 hours for setting the user's password; it voids the user's
   * earlier open tickets. Only the SHA-256 of the token is stored.
   */
  async issueReset(actor: Actor | null, userId: string): Promise<IssuedTicket> {
    const user = await this.users.getById(userId);
    assertCan(actor, 'user.issuePasswordReset', {
      platformRole: user?.platformRole ?? PlatformRole.NONE,
    });
    return this.issue(actor, user, {});
  }

  /**
   * The same ticket for an operator's task on the server (`npm run accord -- reset-password`):
   * no caller to check, audited as the system with `via` (e.g. "cli") in its details.
   */
  issueResetByOperator(user: UserEntity | null, via: string): Promise<IssuedTicket> {
    return this.issue(null, user, { via });
  }

  private async issue(
    actor: Actor | null,
    user: UserEntity | null,
    auditDetails: Record<string, unknown>,
  ): Promise<IssuedTicket> {
    if (!user) throw DomainException.notFound('User', 'userId');
    if (user.disabledAt)
      throw DomainException.invalidState('This account is disabled: enable it before a reset');
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + RESET_TICKET_TTL_SECONDS * 1000);
    await this.txHost.withTransaction(async () => {
      await this.tickets.revokeOpen(user.id, now);
      const ticket = await this.tickets.insert({
        userId: user.id,
        tokenHash: hashToken(token),
        issuedById: actor?.id ?? null,
        expiresAt,
      });
      await this.audit.record(actor, {
        action: 'user.passwordResetIssued',
        entityType: 'User',
        entityId: user.id,
        details: { ticketId: ticket.id, expiresAt, ...auditDetails },
      });
      // A user who never logged in is being invited: the email says so (the link, never a password).
      await this.notifier.accountTicket(user.id, token, expiresAt, !user.lastLoginAt);
    });
    return { token, expiresAt };
  }

  /**
   * Sets the password of the ticket's user and uses the ticket up; every session of the user
   * ends. A signed-in caller may only use a ticket for their own account.
   */
  async reset(caller: Actor | null, token: string, newPassword: string): Promise<boolean> {
    const tokenHash = TOKEN_PATTERN.test(token) ? hashToken(token) : null;
    // Checked before the slow policy and hash, and again under lock below.
    const { user } = await this.openTicket(caller, tokenHash, false);
    await this.policy.assertAcceptable(newPassword, user, 'newPassword');
    const hash = await this.hasher.hash(newPassword);
    await this.txHost.withTransaction(async () => {
      const { ticket } = await this.openTicket(caller, tokenHash, true);
      const now = new Date();
      await this.tickets.markUsed(ticket.id, now);
      await this.tickets.revokeOpen(user.id, now);
      await this.users.setPasswordHash(user.id, hash);
      const actor = caller ?? (await this.ownerAsActor(user));
      const ended = await this.sessions.endAllForUser(user.id, {
        reason: SessionEndReason.PASSWORD_RESET,
        actor,
      });
      await this.audit.record(actor, {
        action: 'user.passwordReset',
        entityType: 'User',
        entityId: user.id,
        details: { ticketId: ticket.id, sessionsEnded: ended },
      });
    });
    return true;
  }

  private async openTicket(
    caller: Actor | null,
    tokenHash: string | null,
    lock: boolean,
  ): Promise<{ ticket: PasswordResetTicketEntity; user: UserEntity }> {
    const ticket = tokenHash ? await this.tickets.getByTokenHash(tokenHash, lock) : null;
    const usable =
      ticket &&
      !ticket.usedAt &&
      !ticket.revokedAt &&
      ticket.expiresAt.getTime() > Date.now() &&
      (!caller || caller.id === ticket.userId);
    const user = usable ? await this.users.getById(ticket.userId) : null;
    if (!ticket || !user || user.disabledAt) throw DomainException.badInput('token', BAD_TICKET);
    return { ticket, user };
  }

  /** The audit trail names the ticket's holder as the one who acted (they proved it with the ticket). */
  private async ownerAsActor(user: UserEntity): Promise<Actor> {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      platformRole: user.platformRole,
      membership: await this.memberships.membershipOf(user.id),
    };
  }
}
