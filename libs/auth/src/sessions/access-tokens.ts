import { Injectable } from '@nestjs/common';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { AccessClaims, isAccessClaims } from './access-claims';

/**
 * How every access token is checked, on every transport: HS256 only. `exp` is required too,
 * which jsonwebtoken has no option for (see isAccessClaims).
 */
export const JWT_VERIFY_OPTIONS: JwtVerifyOptions = { algorithms: ['HS256'] };

export interface AccessToken {
  accessToken: string;
  accessTokenExpiresAt: Date;
}

/** Signs and checks the short-lived access tokens (HS256, lifetime JWT_TTL, claim `sid`). */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  async sign(userId: string, sessionId: string): Promise<AccessToken> {
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: sessionId });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, accessTokenExpiresAt: new Date(exp * 1000) };
  }

  /** The claims of a well-formed, unexpired HS256 token of ours; null for anything else. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const payload = await this.jwt.verifyAsync<object>(token, JWT_VERIFY_OPTIONS);
      return isAccessClaims(payload) ? payload : null;
    } catch {
      return null;
    }
  }
}
