import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/** What a GraphQL client sends: JSON bodies, a bearer token, Apollo's CSRF-prevention header. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight'];

/**
 * CORS for the configured origins only (CORS_ORIGINS); any other origin gets no
 * Access-Control-* header, so browsers keep its pages from reading responses. Tokens travel
 * in the Authorization header, never in cookies: no credentials mode.
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    // A rate-limited browser client may read when to retry.
    exposedHeaders: ['Retry-After'],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  };
}
