import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
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
 * Requests an instance admits for one client before it must have reported them to the shared
 * count: a 50th of the limit (none for limits under 50, at most 100). The limit then holds
 * across instances within this many requests per instance and window.
 */
export function unreportedAllowance(perMinute: number): number {
  return Math.min(100, Math.floor(perMinute / 50));
}
/** How soon admitted requests not yet reported are reported. */
const REPORT_AFTER_MS = 200;
/** Clients remembered at most (beyond, every request waits for the shared count). */
const MAX_WINDOWS = 10_000;

/** What this instance knows of one client's window. */
interface ClientWindow {
  /** Points in the shared count when this instance last read it. */
  counted: number;
  /** Requests admitted here since, not yet added to the shared count. */
  unreported: number;
  endsAt: number;
}

/**
 * The general per-client limit on /graphql (HTTP and WebSocket operations alike) and the REST
 * routes: RATE_LIMIT_PER_MINUTE requests a minute per client address, counted in PostgreSQL
 * so that several instances agree. A request within a small allowance (unreportedAllowance)
 * under what the shared count last said is admitted at once and reported with the others a
 * moment later in one statement; any other request waits for the shared count. A busy client
 * thus costs one statement per batch of requests rather than one per request.
 */
@Injectable()
export class RequestRateLimiter implements BeforeApplicationShutdown {
  private readonly limiter: RateLimiterPostgres;
  private readonly points: number;
  private readonly allowance: number;
  private readonly windows = new Map<string, ClientWindow>();
  private reporting?: NodeJS.Timeout;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.points = config.rateLimitPerMinute;
    this.allowance = unreportedAllowance(this.points);
    this.limiter = new RateLimiterPostgres({
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: 'request',
      points: this.points,
      duration: WINDOW_SECONDS,
      // A client already refused is refused from memory until its window ends: a flood
      // costs no database round trip.
      inMemoryBlockOnConsumed: this.points + 1,
      clearExpiredByTimeout: true,
    });
  }

  /** Counts one request of this client address: null when admitted, else the seconds to wait. */
  async check(address: string | undefined): Promise<number | null> {
    const key = clientKey(address);
    const known = this.windows.get(key);
    const window = known && known.endsAt > Date.now() ? known : undefined;
    if (
      window &&
      window.unreported < this.allowance &&
      window.counted + window.unreported < this.points
    ) {
      window.unreported++;
      this.reportSoon();
      return null;
    }
    const points = 1 + (window?.unreported ?? 0);
    if (window) window.unreported = 0;
    return this.consume(key, points);
  }

  /** Before the database pool closes: what was admitted is counted. */
  beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.reporting);
    this.reporting = undefined;
    return this.report();
  }

  /** Adds `points` to the shared count: null when within the limit, else the seconds to wait. */
  private async consume(key: string, points: number): Promise<number | null> {
    try {
      const counted = await this.limiter.consume(key, points);
      this.remember(key, counted, false);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        this.remember(key, error, true);
        return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      }
      // The database is down or slow: the request fails on its own; the limit is not what
      // should turn it away.
      logger.warn(`Rate limit not checked: ${error instanceof Error ? error.message : error}`);
      return null;
    }
  }

  /** What the shared count said; a refused client is taken as at its limit (none admitted here). */
  private remember(
    key: string,
    { consumedPoints, msBeforeNext }: RateLimiterRes,
    refused: boolean,
  ): void {
    if (!this.allowance) return;
    const now = Date.now();
    const counted = refused ? Math.max(consumedPoints, this.points) : consumedPoints;
    const window = this.windows.get(key);
    if (window && window.endsAt > now) {
      Object.assign(window, { counted, endsAt: now + msBeforeNext });
      return;
    }
    if (this.windows.size >= MAX_WINDOWS) this.forgetEnded(now);
    if (this.windows.size < MAX_WINDOWS)
      this.windows.set(key, { counted, unreported: 0, endsAt: now + msBeforeNext });
  }

  private forgetEnded(now: number): void {
    for (const [key, window] of this.windows)
      if (window.endsAt <= now && window.unreported === 0) this.windows.delete(key);
  }

  private reportSoon(): void {
    this.reporting ??= setTimeout(() => {
      this.reporting = undefined;
      void this.report();
    }, REPORT_AFTER_MS).unref();
  }

  /** Adds every client's unreported requests to the shared count; forgets ended windows. */
  private async report(): Promise<void> {
    const now = Date.now();
    const due: Promise<unknown>[] = [];
    for (const [key, window] of this.windows) {
      if (window.endsAt <= now) {
        this.windows.delete(key);
      } else if (window.unreported > 0) {
        const points = window.unreported;
        window.unreported = 0;
        due.push(this.consume(key, points));
      }
    }
    await Promise.all(due);
  }
}

/** The limit as express middleware (`req.ip` comes from X-Forwarded-For only with TRUST_PROXY). */
export function rateLimitMiddleware(limiter: RequestRateLimiter): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (EXEMPT.test(req.path)) return next();
    void limiter.check(req.ip).then((wait) => (wait === null ? next() : refuse(req, res, wait)));
  };
}
