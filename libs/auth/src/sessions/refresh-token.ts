import { createHash, randomBytes } from 'node:crypto';

/** A refresh token is `<session id>.<256 random bits, base64url>`; only its SHA-256 is stored. */
const FORMAT =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export interface RefreshToken {
  sessionId: string;
  token: string;
  hash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newRefreshToken(sessionId: string): RefreshToken {
  const token = `${sessionId}.${randomBytes(32).toString('base64url')}`;
  return { sessionId, token, hash: hashToken(token) };
}

/** Null for anything that is not shaped like one of ours (checked before any database read). */
export function parseRefreshToken(token: string): RefreshToken | null {
  const match = FORMAT.exec(token);
  return match ? { sessionId: match[1], token, hash: hashToken(token) } : null;
}
