import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { corsOptions } from './cors-options';
import { rateLimitMiddleware, RequestRateLimiter } from './request-rate-limiter';
import { securityHeaders } from './security-headers';

/**
 * With TRUST_PROXY, one reverse proxy is trusted: the client address is the last entry of
 * X-Forwarded-For (the one that proxy added), so a client cannot choose it by sending the
 * header itself.
 */
const TRUSTED_PROXY_HOPS = 1;

/** Headers, proxy trust, CORS and the general rate limit, before any route or body parser. */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.set('trust proxy', config.trustProxy ? TRUSTED_PROXY_HOPS : false);
  app.disable('x-powered-by');
  app.use(...securityHeaders());
  if (config.corsOrigins.length) app.enableCors(corsOptions(config.corsOrigins));
  app.use(rateLimitMiddleware(app.get(RequestRateLimiter)));
}
