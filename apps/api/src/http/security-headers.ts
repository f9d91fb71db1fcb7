import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** One year, as browsers' HSTS preload lists expect. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/**
 * Security headers on every response. The API answers JSON, CSV, iCalendar, Markdown and PDF,
 * never a page that loads scripts: the CSP allows nothing and no framing. A route that serves
 * an HTML page (a GraphQL IDE) sets its own Content-Security-Policy on that response.
 */
export function securityHeaders(): RequestHandler[] {
  const hsts = helmet.strictTransportSecurity({
    maxAge: HSTS_MAX_AGE_SECONDS,
    includeSubDomains: true,
  });
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
        },
      },
      xFrameOptions: { action: 'deny' },
      // Sent only over TLS (below): over plain HTTP it would be ignored or, on a shared host
      // name, pin browsers to an HTTPS that may not exist.
      strictTransportSecurity: false,
    }),
    // `req.secure` is true for a TLS socket, or behind TRUST_PROXY with X-Forwarded-Proto: https.
    (req: Request, res: Response, next: NextFunction) =>
      req.secure ? hsts(req, res, next) : next(),
  ];
}
