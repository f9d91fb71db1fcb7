/**
 * SQLSTATEs that mean the database cannot serve us now, not that the request was wrong:
 * a statement cancelled by statement_timeout (57014), a server shutting down or starting
 * (57P01-57P03), no connection slot (53300), a missing database or a refused login
 * (3D000, 28000, 28P01), and every connection exception (class 08).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '3D000',
  '28000',
  '28P01',
]);

/** Socket errors on the way to the database. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres and pg-pool say when a connection fails, times out or is cut. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable)/;

interface DriverLikeError {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * True when an error (a TypeORM QueryFailedError, a pg error or a socket error, possibly
 * wrapped) means the database is unreachable, hung or unavailable: the client gets
 * SERVICE_UNAVAILABLE for it, never UNAUTHENTICATED or a driver message.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as DriverLikeError;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  }
  if (typeof message === 'string') {
    if (UNAVAILABLE_MESSAGES.test(message)) return true;
    // graphql-js replaces a thrown value that is not an Error of its own realm (a socket error
    // under jest's VM sandbox, say) by `Unexpected error value: <inspection>`: read its code there.
    const wrapped = /^Unexpected error value: .*\bcode: "([0-9A-Z]{5,})"/.exec(message)?.[1];
    if (wrapped) return isDatabaseUnavailable({ code: wrapped }, depth + 1);
  }
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}
