/** The two database timeouts of the configuration (DB_STATEMENT_TIMEOUT, DB_CONNECT_TIMEOUT). */
export interface DatabaseTimeouts {
  statementTimeoutMs: number;
  connectTimeoutMs: number;
}

/** How much longer than the server's statement_timeout the client waits for an answer. */
const CLIENT_MARGIN_MS = 2000;

/**
 * node-postgres settings for every connection the app opens (pool, LISTEN, NOTIFY): the
 * server cancels a statement after `statementTimeoutMs`; the client gives up a little later
 * in case the server itself hangs and cannot cancel anything; a connection attempt gives up
 * after `connectTimeoutMs`; TCP keepalive notices a peer that vanished.
 */
export function pgTimeouts({ statementTimeoutMs, connectTimeoutMs }: DatabaseTimeouts): {
  connectionTimeoutMillis: number;
  statement_timeout: number;
  query_timeout: number;
  keepAlive: boolean;
} {
  return {
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + CLIENT_MARGIN_MS,
    keepAlive: true,
  };
}
