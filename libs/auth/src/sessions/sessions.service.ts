import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  DomainException,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { randomUUID } from 'node:crypto';
import { UserEntity } from '../user.entity';
import { UsersRepository } from '../users.repository';
import { AccessClaims } from './access-claims';
import { AccessToken, AccessTokens } from './access-tokens';
import { newRefreshToken, parseRefreshToken } from './refresh-token';
import { SessionEndReason, SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';

/** Where a session was opened from, as the server saw it. */
export interface ClientInfo {
  userAgent: string | null;
  ipAddress: string | null;
}

/** What login and refreshSession answer. */
export interface IssuedSession extends AccessToken {
  refreshToken: string;
  session: SessionEntity;
}

const REFRESH_REFUSED = 'The refresh token is invalid or has expired; sign in again';
const MAX_USER_AGENT = 500;

@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session; the refresh token is returned once and only its hash is kept. */
  async create(
    user: Pick<UserEntity, 'id'>,
    client: ClientInfo,
  ): Promise<{ session: SessionEntity; refreshToken: string }> {
    const refresh = newRefreshToken(randomUUID());
    const session = await this.sessions.insert({
      id: refresh.sessionId,
      userId: user.id,
      refreshTokenHash: refresh.hash,
      expiresAt: this.sessionExpiry(),
      userAgent: client.userAgent?.slice(0, MAX_USER_AGENT) || null,
      ipAddress: client.ipAddress?.slice(0, 64) || null,
    });
    return { session, refreshToken: refresh.token };
  }

  /** Opens a session and signs its first access token. */
  async start(user: Pick<UserEntity, 'id'>, client: ClientInfo): Promise<IssuedSession> {
    const { session, refreshToken } = await this.create(user, client);
    return { ...(await this.tokens.sign(user.id, session.id)), refreshToken, session };
  }

  /**
   * Rotates the refresh token. A token that was already rotated away is a stolen copy (or the
   * thief's, if the owner refreshes after it): the whole session ends, so both lose it.
   */
  async refresh(
    refreshToken: string,
    client: ClientInfo,
  ): Promise<IssuedSession & { user: UserEntity }> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw DomainException.unauthenticated(REFRESH_REFUSED);
    const outcome = await this.txHost.withTransaction(async () => {
      const session = await this.sessions.lockForRefresh(parsed.sessionId);
      if (!session || session.revokedAt || session.userDisabled) return null;
      if (session.previousRefreshHashes.includes(parsed.hash)) {
        await this.sessions.revoke(session.id, SessionEndReason.REFRESH_TOKEN_REUSED);
        await this.audit.record(null, {
          action: 'session.refreshTokenReused',
          entityType: 'Session',
          entityId: session.id,
          details: { userId: session.userId, ipAddress: client.ipAddress },
        });
        return 'reused' as const;
      }
      if (session.refreshTokenHash !== parsed.hash || session.expiresAt <= new Date()) return null;
      const next = newRefreshToken(session.id);
      const rotated = await this.sessions.rotate(session, next.hash, this.sessionExpiry());
      return { session: rotated, refreshToken: next.token };
    });
    if (outcome === 'reused') {
      this.logger.warn(
        `Refresh token reused for session ${parsed.sessionId} from ${client.ipAddress}: session ended`,
      );
      throw DomainException.unauthenticated(REFRESH_REFUSED);
    }
    if (!outcome) throw DomainException.unauthenticated(REFRESH_REFUSED);
    const user = await this.users.getById(outcome.session.userId);
    if (!user) throw DomainException.unauthenticated(REFRESH_REFUSED);
    const access = await this.tokens.sign(user.id, outcome.session.id);
    return { ...access, ...outcome, user };
  }

  /** The caller named by a verified access token, if its session is live and its user enabled. */
  actorFor(claims: Pick<AccessClaims, 'sub' | 'sid'>): Promise<Actor | null> {
    return this.sessions.actorOfSession(claims.sub, claims.sid);
  }

  async logout(actor: Actor | null): Promise<boolean> {
    assertCan(actor, 'session.logout', {});
    if (!actor?.sessionId) return false;
    return this.end(actor, actor.sessionId, SessionEndReason.LOGOUT, 'session.loggedOut');
  }

  list(actor: Actor | null): Promise<SessionEntity[]> {
    assertCan(actor, 'session.list', {});
    return this.sessions.listLive(actor!.id);
  }

  /** Ends one of the caller's own live sessions; anyone else's is NOT_FOUND. */
  async revoke(actor: Actor | null, sessionId: string): Promise<boolean> {
    assertCan(actor, 'session.revoke', {});
    const isUuid = /^[0-9a-f-]{36}$/i.test(sessionId);
    if (!isUuid || !(await this.sessions.findLive(sessionId, actor!.id)))
      throw DomainException.notFound('Session', 'id');
    return this.end(actor, sessionId, SessionEndReason.REVOKED, 'session.revoked');
  }

  /**
   * Ends every live session of a user at once (disabled, role or password changed…), but the
   * one named in exceptSessionId. Joins the caller's transaction; audited when any ended.
   */
  async endAllForUser(
    userId: string,
    options: { reason: SessionEndReason; exceptSessionId?: string; actor?: Actor | null },
  ): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const ended = await this.sessions.revokeAllOfUser(
        userId,
        options.reason,
        options.exceptSessionId ?? null,
      );
      if (ended.length) {
        await this.audit.record(options.actor ?? null, {
          action: 'session.endedAll',
          entityType: 'User',
          entityId: userId,
          details: { reason: options.reason, sessionIds: ended },
        });
      }
      return ended.length;
    });
  }

  private end(
    actor: Actor | null,
    sessionId: string,
    reason: SessionEndReason,
    action: string,
  ): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const ended = await this.sessions.revoke(sessionId, reason);
      if (ended)
        await this.audit.record(actor, { action, entityType: 'Session', entityId: sessionId });
      return ended;
    });
  }

  private sessionExpiry(): Date {
    return new Date(Date.now() + this.config.sessionTtlSeconds * 1000);
  }
}
