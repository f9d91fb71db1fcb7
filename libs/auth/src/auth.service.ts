import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, DomainException, MEMBERSHIP_LOOKUP, MembershipLookup } from '@accord/common';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { SecondFactorService } from './second-factor/second-factor.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface JwtPayload {
  sub: string;
}

/** One message for an unknown email and a wrong password: nothing tells which it was. */
const LOGIN_FAILED = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly jwt: JwtService,
    private readonly secondFactor: SecondFactorService,
    @Inject(MEMBERSHIP_LOOKUP) private readonly memberships: MembershipLookup,
  ) {}

  async login(
    email: string,
    password: string,
    address: string,
    totpCode: string | null = null,
  ): Promise<{ accessToken: string; user: UserEntity }> {
    const normalized = email.trim().toLowerCase();
    await this.limiter.admit(normalized, address);
    const user = await this.users.getCredentials(normalized);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabledAt) {
      await this.limiter.recordFailure(normalized);
      throw DomainException.unauthenticated(LOGIN_FAILED);
    }
    const actor = (await this.actorFor(user.id))!;
    // A missing or wrong code is MFA_REQUIRED: the client asks for the code and tries again.
    try {
      await this.secondFactor.checkAtLogin(actor, totpCode);
    } catch (error) {
      if (totpCode) await this.limiter.recordFailure(normalized);
      throw error;
    }
    await this.limiter.recordSuccess(normalized);
    user.lastLoginAt = new Date();
    await this.users.setLastLogin(user.id, user.lastLoginAt);
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
      mfaEnabled: user.mfaEnabled ?? false,
    };
  }

  /** The caller's own account, for `me` (its language and last login are not part of the Actor). */
  async me(actor: Actor | null): Promise<UserEntity | null> {
    return actor ? this.users.getById(actor.id) : null;
  }

  /** For graphql-ws, whose connection carries the token in connectionParams. */
  async actorFromToken(token: string): Promise<Actor | null> {
    try {
      const payload = await this.jwt.verifyAsync<JwtPayload>(token);
      return await this.actorFor(payload.sub);
    } catch {
      return null;
    }
  }
}
