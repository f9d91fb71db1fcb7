/** What an access token carries: who, and which session it belongs to. Role and delegation are read fresh. */
export interface AccessClaims {
  sub: string;
  sid: string;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A verified signature is not enough: a token without an expiry or a session is refused. */
export function isAccessClaims(payload: unknown): payload is AccessClaims {
  const p = payload as Partial<AccessClaims> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.sub === 'string' &&
    UUID.test(p.sub) &&
    typeof p.sid === 'string' &&
    UUID.test(p.sid) &&
    typeof p.exp === 'number'
  );
}
