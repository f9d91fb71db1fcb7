import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { runInRequestScope } from '@accord/common';
import type { Logger } from 'pino';
import { MetricsService } from '../metrics/metrics.service';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { ObservedRequest } from './request-observation';

/** Probes and scrapes come every few seconds: their lines are debug, unless they fail. */
const QUIET_PATHS = new Set(['/health', '/health/ready', '/metrics']);
const ROUTES = new Set(['/graphql', '/health', '/health/ready', '/metrics']);
const MAX_PATH = 200;

/** A bounded route label: the known paths, the matched REST route's pattern, else `other`. */
function routeOf(req: Request, path: string): string {
  if (ROUTES.has(path)) return path;
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? pattern : 'other';
}

/**
 * First middleware of every HTTP request: gives it a request id (the client's X-Request-Id
 * when it is safe, else a new UUID), returns it in X-Request-Id, and when the response ends
 * writes one access line and the request's metrics. The line has the method, the path (never
 * the query string: GET /graphql carries the query and its variables there), the GraphQL
 * operation's name and type, the status, the duration, the user id and the request id;
 * never headers, bodies or variables. The id lives on the request (the GraphQL layer reads
 * it from there) and, from `enterRequestScope` on, in the request scope that tags log lines.
 */
export function requestObserver(logger: Logger, metrics: MetricsService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const observed = req as Request & ObservedRequest;
    observed.id = id;
    res.setHeader('X-Request-Id', id);
    const path = req.path.slice(0, MAX_PATH);
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.statusCode;
      const graphql = observed.graphql;
      metrics.observeHttp(routeOf(req, path), req.method, status, seconds);
      if (path === '/graphql' && req.method !== 'OPTIONS' && graphql)
        metrics.observeOperation(graphql.operation, graphql.type, 'http', graphql.failed, seconds);
      const level = status >= 500 ? 'error' : QUIET_PATHS.has(path) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          reqId: id,
          method: req.method,
          path,
          ...(graphql
            ? {
                operation: graphql.operation,
                operationType: graphql.type,
                ...(graphql.failed ? { graphqlErrors: true } : {}),
              }
            : {}),
          status,
          durationMs: Math.round(seconds * 10_000) / 10,
          userId: observed.user?.id ?? null,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}

/**
 * Puts the rest of the request (routes, Apollo, resolvers, services) in its request scope, so
 * that every line they log carries the request id. Registered after the body parsers: they
 * call `next` from the request stream's 'end' event, which runs outside any scope entered
 * before them.
 */
export function enterRequestScope(req: Request, _res: Response, next: NextFunction): void {
  const requestId = (req as Request & ObservedRequest).id;
  if (requestId) runInRequestScope({ requestId }, next);
  else next();
}
