import { Injectable } from '@nestjs/common';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
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

/** Tokens whose signature was checked lately (the least recently used is forgotten first). */
const VERIFIED = 10_000;

/**
 * Signs and checks the short-lived access tokens (HS256, lifetime JWT_TTL, claim `sid`). A
 * client sends the same token on every request until it expires: its signature and claims are
 * checked once, and its expiry on every use. Whether its session is still live is the
 * caller's statement's business, every time (AuthService.actorFromToken).
 */
@Injectable()
export class AccessTokens {
  private readonly verified = new LRUCache<string, Readonly<AccessClaims>>({ max: VERIFIED });

  constructor(private readonly jwt: JwtService) {}

  async sign(userId: string, sessionId: string): Promise<AccessToken> {
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: sessionId });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, accessTokenExpiresAt: new Date(exp * 1000) };
  }

  /** The claims of a well-formed, unexpired HS256 token of ours; null for anything else. */
  async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    // As jsonwebtoken decides: expired from the second `exp` names.
    if (known) return Math.floor(Date.now() / 1000) < known.exp ? known : this.forget(token);
    try {
      const payload = await this.jwt.verifyAsync<object>(token, JWT_VERIFY_OPTIONS);
      if (!isAccessClaims(payload)) return null;
      const claims = Object.freeze({ ...payload });
      this.verified.set(token, claims);
      return claims;
    } catch {
      return null;
    }
  }

  private forget(token: string): null {
    this.verified.delete(token);
    return null;
  }
}
