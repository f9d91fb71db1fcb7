import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { getDistDirectory, isSandboxFrame } from 'altair-static';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ideExamples } from './ide-examples';
import { IDE_ASSETS_PATH, ideContentSecurityPolicy, idePageRenderer } from './ide-page';

/** A browser navigating to /graphql asks for HTML first; a GraphQL client asks for JSON. */
function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' || req.path !== '/' || req.query.query !== undefined) return false;
  return (
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
    'text/html'
  );
}

/** Host names and ports only: the Host header is the client's, and it ends up in a script. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** This server as the browser reached it; `req.protocol` follows TRUST_PROXY. */
function originOf(req: Request): { http: string; ws: string } | null {
  const host = req.get('host');
  if (!host || !HOST.test(host)) return null;
  const secure = req.protocol === 'https';
  return {
    http: `${secure ? 'https' : 'http'}://${host}`,
    ws: `${secure ? 'wss' : 'ws'}://${host}`,
  };
}

/**
 * The frame Altair runs pre- and post-request scripts in, so that the page itself needs no
 * eval: the one place allowed to evaluate a string, framed by the IDE page only, talking to
 * this server only. The page sandboxes the frame itself (it checks the frame's messages
 * against this origin, so no `sandbox` directive here).
 */
function sandboxHeaders(res: ServerResponse): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
      "img-src 'self' data:; connect-src 'self'; base-uri 'self'; frame-ancestors 'self'",
  );
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
}

/**
 * The GraphQL IDE (Altair from altair-static, every file from this server): the page at
 * GET /graphql for browsers, its files under /ide/. Off with IDE=false; in production only
 * with IDE=true. Must run before GraphQL's middleware, which would answer the GET itself.
 */
export function configureIde(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  if (!config.ide) return;
  const page = idePageRenderer(ideExamples({ demo: config.seedDemo }));
  app.useStaticAssets(getDistDirectory(), {
    prefix: IDE_ASSETS_PATH,
    index: false,
    fallthrough: true,
    // main.js, styles.css and polyfills.js keep their names across Altair releases: browsers
    // revalidate (ETag, 304) rather than keep a stale copy after an upgrade.
    maxAge: 0,
    setHeaders: (res, path) => {
      if (isSandboxFrame(path)) sandboxHeaders(res);
      // A worker runs under the policy its script is served with.
      else res.setHeader('Content-Security-Policy', ideContentSecurityPolicy());
    },
  });
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!wantsPage(req)) return next();
    const origin = originOf(req);
    if (!origin) return next();
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', ideContentSecurityPolicy(nonce));
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(page(nonce, origin));
  });
}
