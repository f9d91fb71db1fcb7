import type { AppConfig } from '@accord/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type MetricsAccess = 'allowed' | 'unauthorised' | 'hidden';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
  return !!match && timingSafeEqual(digest(match[1]), digest(token));
}

/** Through a reverse proxy every client looks local: a forwarded request is never "local". */
function fromThisMachineDirectly(req: IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? '';
  const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => h in req.headers);
  return !forwarded && /^(127\.|::1$|::ffff:127\.)/.test(peer);
}

/**
 * Who may read /metrics on the API's own port:
 * - METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>` (else 401);
 * - else METRICS_PORT set: nobody here (404), the metrics are on that port;
 * - else under start:prod: nobody (404);
 * - else (development): requests from this machine that came through no proxy.
 */
export function metricsAccessOnApiPort(
  config: Pick<AppConfig, 'metricsToken' | 'metricsPort' | 'mode'>,
  req: IncomingMessage,
): MetricsAccess {
  if (config.metricsToken)
    return tokenMatches(req.headers.authorization, config.metricsToken)
      ? 'allowed'
      : 'unauthorised';
  if (config.metricsPort !== null || config.mode === 'production') return 'hidden';
  return fromThisMachineDirectly(req) ? 'allowed' : 'hidden';
}
