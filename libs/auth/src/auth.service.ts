import { Inject, Injectable } from '@nestjs/common';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import {
  Actor,
  DomainException,
  isDatabaseUnavailable,
  MEMBERSHIP_LOOKUP,
  MembershipLookup,
} from '@accord/common';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface JwtPayload {
  sub: string;
}

/**
 * How every access token is checked, on every transport: HS256 only. `exp` is required too,
 * which jsonwebtoken has no option for (see AuthService.verifiedPayload).
 */
export const JWT_VERIFY_OPTIONS: JwtVerifyOptions = { algorithms: ['HS256'] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message for an unknown email and a wrong password: nothing tells which it was. */
const LOGIN_FAILED = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly jwt: JwtService,
    @Inject(MEMBERSHIP_LOOKUP) private readonly memberships: MembershipLookup,
  ) {}

  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ accessToken: string; user: UserEntity }> {
    const normalized = email.trim().toLowerCase();
    await this.limiter.admit(normalized, address);
    const user = await this.users.getCredentials(normalized);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabledAt) {
      await this.limiter.recordFailure(normalized);
      throw DomainException.unauthenticated(LOGIN_FAILED);
    }
    await this.limiter.recordSuccess(normalized);
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies JwtPayload);
    return { accessToken, user };
  }

  /** The caller as the database says now: role and delegation are never taken from the token. */
  async actorFor(userId: string): Promise<Actor | null> {
    const user = await this.users.getById(userId);
    if (!user || user.disabledAt) return null;
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      platformRole: user.platformRole,
      membership: await this.memberships.membershipOf(user.id),
    };
  }

  /**
   * The one place a bearer token becomes the caller: HTTP (JwtStrategy) and graphql-ws (at
   * connect, on every operation and before every subscription event) both come here. Null
   * when the token is invalid, expired or without `exp`, or its user is disabled or gone.
   * A database that cannot answer is SERVICE_UNAVAILABLE, never a refused token.
   */
  async actorFromToken(token: string): Promise<Actor | null> {
    const payload = await this.verifiedPayload(token);
    if (!payload) return null;
    try {
      return await this.actorFor(payload.sub);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw DomainException.serviceUnavailable();
      throw error;
    }
  }

  private async verifiedPayload(token: string): Promise<JwtPayload | null> {
    let payload: JwtPayload & { exp?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token, JWT_VERIFY_OPTIONS);
    } catch {
      return null;
    }
    // A token without `exp` would never expire: refused, whoever signed it.
    if (typeof payload.exp !== 'number' || typeof payload.sub !== 'string') return null;
    return UUID.test(payload.sub) ? payload : null;
  }
}
