import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@accord/common';
import type { Logger } from 'pino';
import { requestObserver } from '../logging/request-observer';
import { ROOT_LOGGER } from '../logging/root-logger';
import { MetricsService } from '../metrics/metrics.service';
import { corsOptions } from './cors-options';
import { rateLimitMiddleware, RequestRateLimiter } from './request-rate-limiter';
import { securityHeaders } from './security-headers';

/**
 * With TRUST_PROXY, one reverse proxy is trusted: the client address is the last entry of
 * X-Forwarded-For (the one that proxy added), so a client cannot choose it by sending the
 * header itself.
 */
const TRUSTED_PROXY_HOPS = 1;

/**
 * The request id and access line first (so that even a refused request is logged), then
 * headers, proxy trust, CORS and the general rate limit, before any route or body parser.
 */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.use(requestObserver(app.get<Logger>(ROOT_LOGGER), app.get(MetricsService)));
  app.set('trust proxy', config.trustProxy ? TRUSTED_PROXY_HOPS : false);
  app.disable('x-powered-by');
  app.use(...securityHeaders());
  if (config.corsOrigins.length) app.enableCors(corsOptions(config.corsOrigins));
  app.use(rateLimitMiddleware(app.get(RequestRateLimiter)));
}
