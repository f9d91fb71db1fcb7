import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  DomainException,
  isDatabaseUnavailable,
  MEMBERSHIP_LOOKUP,
  MembershipLookup,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { LimitedAccount, LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { SecondFactorService } from './second-factor/second-factor.service';
import { AccessClaims } from './sessions/access-claims';
import { AccessTokens } from './sessions/access-tokens';
import { ClientInfo, IssuedSession, SessionsService } from './sessions/sessions.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export type { AccessClaims } from './sessions/access-claims';

export interface LoginCredentials {
  email: string;
  password: string;
  totpCode?: string | null;
}

/** One message for an unknown email and a wrong password: nothing tells which it was. */
const LOGIN_FAILED = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(MEMBERSHIP_LOOKUP) private readonly memberships: MembershipLookup,
  ) {}

  /**
   * 1. count the attempt (refused before any check when this address must wait);
   * 2. check the password; 3. (second factor); 4. open a session, audited.
   */
  async login(
    credentials: LoginCredentials,
    client: ClientInfo,
  ): Promise<IssuedSession & { user: UserEntity }> {
    const email = credentials.email.trim().toLowerCase();
    const address = client.ipAddress ?? 'unknown';
    const user = await this.users.getCredentials(email);
    const account = { email, passwordHash: user?.passwordHash };
    await this.limiter.admit(account, address);

    const valid = await this.hasher.verify(user?.passwordHash ?? null, credentials.password);
    if (!user || !valid || user.disabledAt) {
      await this.loginFailed(account, user, address, 'password');
      throw DomainException.unauthenticated(LOGIN_FAILED);
    }

    const actor = (await this.actorOfUser(user.id))!;
    // Second factor, after the password and before the limiter forgives: a missing or wrong
    // code is MFA_REQUIRED (the client asks for it and tries again); the attempt stays
    // counted, and a wrong code is a failure like a wrong password.
    try {
      await this.secondFactor.checkAtLogin(actor, credentials.totpCode);
    } catch (error) {
      if (credentials.totpCode) await this.loginFailed(account, user, address, 'second-factor');
      throw error;
    }
    await this.limiter.succeeded(account, address);
    user.lastLoginAt = new Date();
    const issued = await this.txHost.withTransaction(async () => {
      await this.users.setLastLogin(user.id, user.lastLoginAt!);
      const started = await this.sessions.start(user, client);
      await this.audit.record(actor, {
        action: 'auth.login',
        entityType: 'User',
        entityId: user.id,
        details: { sessionId: started.session.id, ipAddress: client.ipAddress },
      });
      return started;
    });
    return { ...issued, user };
  }

  /** The caller as the database says now, for a verified token: its session must be live. */
  actorFor(claims: Pick<AccessClaims, 'sub' | 'sid'>): Promise<Actor | null> {
    return this.sessions.actorFor(claims);
  }

  /**
   * The one path from a bearer token to a caller, for HTTP (via JwtStrategy) and graphql-ws:
   * signature, expiry and claims, then session, user and delegation in one query.
   */
  async actorFromToken(token: string): Promise<Actor | null> {
    const claims = await this.claimsOf(token);
    if (!claims) return null;
    try {
      return await this.actorFor(claims);
    } catch (error) {
      // A database that cannot answer is SERVICE_UNAVAILABLE, never a refused token.
      if (isDatabaseUnavailable(error)) throw DomainException.serviceUnavailable();
      throw error;
    }
  }

  /** The claims of a well-formed, unexpired access token of ours (its session unchecked). */
  claimsOf(token: string): Promise<AccessClaims | null> {
    return this.tokens.verify(token);
  }

  /**
   * A user as the database says now, with no session involved: for trusted server-side
   * callers only (seeds, tests). Never call it with a user id taken from a token.
   */
  async actorOfUser(userId: string): Promise<Actor | null> {
    const user = await this.users.getById(userId);
    if (!user || user.disabledAt) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      platformRole: user.platformRole,
      membership: await this.memberships.membershipOf(user.id),
      mfaEnabled: user.mfaEnabled ?? false,
      language: user.language,
      timezone: user.timezone,
      lastLoginAt: user.lastLoginAt,
    };
  }

  /** Audited and logged without the password; the attempt was already counted by the limiter. */
  private async loginFailed(
    account: LimitedAccount,
    user: UserEntity | null,
    address: string,
    reason: 'password' | 'second-factor',
  ): Promise<void> {
    const { email } = account;
    await this.limiter.failed(account, address);
    this.logger.warn(`Login failed (${reason}) for ${email} from ${address}`);
    await this.audit.record(null, {
      action: 'auth.loginFailed',
      entityType: 'User',
      entityId: user?.id ?? null,
      details: { email, ipAddress: address, reason },
    });
  }
}
