import { Logger } from '@nestjs/common';
import { ErrorCode } from '@accord/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { clientKey } from './client-key';

/** Created by a migration, like login_rate_limits: every API instance counts in the same rows. */
const TABLE = 'request_rate_limits';
const WINDOW_SECONDS = 60;
/** Probes must answer even for a client over its limit (a load balancer behind one address). */
const EXEMPT = /^\/health\/?$/;

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
 * The general per-client limit on /graphql and the REST routes: `perMinute` requests a minute
 * per client address (`req.ip`, from X-Forwarded-For only with TRUST_PROXY), counted in
 * PostgreSQL so that several instances agree. `storeClient` is the application's pg Pool.
 */
export function requestRateLimiter(storeClient: unknown, perMinute: number): RequestHandler {
  const limiter = new RateLimiterPostgres({
    storeClient,
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
  return (req: Request, res: Response, next: NextFunction) => {
    if (EXEMPT.test(req.path)) return next();
    limiter.consume(clientKey(req.ip)).then(
      () => next(),
      (error: unknown) => {
        if (error instanceof RateLimiterRes)
          return refuse(req, res, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        // The database is down or slow: the request fails on its own; the limit is not
        // what should turn it away.
        logger.warn(`Rate limit not checked: ${error instanceof Error ? error.message : error}`);
        next();
      },
    );
  };
}
