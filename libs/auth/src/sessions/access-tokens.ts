import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessClaims, isAccessClaims } from './access-claims';

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
      const payload = await this.jwt.verifyAsync<object>(token, { algorithms: ['HS256'] });
      return isAccessClaims(payload) ? payload : null;
    } catch {
      return null;
    }
  }
}
