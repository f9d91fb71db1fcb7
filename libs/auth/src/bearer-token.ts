/** The token of an `Authorization: Bearer <token>` value (header or graphql-ws connectionParams), or null. */
export function bearerToken(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}
