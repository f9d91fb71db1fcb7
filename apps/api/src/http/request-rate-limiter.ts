import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, ErrorCode } from '@accord/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { clientKey } from './client-key';

/** Created by a migration, like login_rate_limits: every API instance counts in the same rows. */
const TABLE = 'request_rate_limits';
const WINDOW_SECONDS = 60;
/**
 * Probes and scrapes must answer even for a client over its limit (a load balancer or a
 * Prometheus behind one address).
 */
const EXEMPT = /^\/(health|health\/ready|metrics)\/?$/;

const logger = new Logger('RateLimit');

function refuse(req: Request, res: Response, retryAfterSeconds: number): void {
  const message = `Too many requests from this address; retry in ${retryAfterSeconds} s`;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(429);
  // GraphQL clients read `errors`; REST clients get the shape of every other REST error.
  if (req.path.startsWith('/graphql')) {
    res.json({
      errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds } }],
    });
  } else {
    res.json({ code: ErrorCode.RATE_LIMITED, message, retryAfterSeconds });
  }
}

/**
 * The general per-client limit on /graphql (HTTP and WebSocket operations alike) and the REST
 * routes: RATE_LIMIT_PER_MINUTE requests a minute per client address, counted in PostgreSQL
 * so that several instances agree.
 */
@Injectable()
export class RequestRateLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const perMinute = config.rateLimitPerMinute;
    this.limiter = new RateLimiterPostgres({
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: 'request',
      points: perMinute,
      duration: WINDOW_SECONDS,
      // A client already refused is refused from memory until its window ends: a flood
      // costs no database round trip.
      inMemoryBlockOnConsumed: perMinute + 1,
      clearExpiredByTimeout: true,
    });
  }

  /** Counts one request of this client address: null when admitted, else the seconds to wait. */
  async check(address: string | undefined): Promise<number | null> {
    try {
      await this.limiter.consume(clientKey(address));
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      // The database is down or slow: the request fails on its own; the limit is not what
      // should turn it away.
      logger.warn(`Rate limit not checked: ${error instanceof Error ? error.message : error}`);
      return null;
    }
  }
}

/** The limit as express middleware (`req.ip` comes from X-Forwarded-For only with TRUST_PROXY). */
export function rateLimitMiddleware(limiter: RequestRateLimiter): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (EXEMPT.test(req.path)) return next();
    void limiter.check(req.ip).then((wait) => (wait === null ? next() : refuse(req, res, wait)));
  };
}
