import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { DataSource } from 'typeorm';
import { corsOptions } from './cors-options';
import { requestRateLimiter } from './request-rate-limiter';
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
  const pool = (app.get<DataSource>(getDataSourceToken()).driver as unknown as { master: unknown })
    .master;
  app.use(requestRateLimiter(pool, config.rateLimitPerMinute));
}
