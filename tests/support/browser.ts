import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (what .ci/run installs); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where browser tests leave their screenshots (gitignored). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * `describe` when Chromium is installed, else `describe.skip` with a message saying why: the
 * suite stays green on a machine without a browser, and says so.
 */
export function describeInChromium(name: string, fn: () => void): void {
  if (existsSync(CHROMIUM_PATH)) return describe(name, fn);
  console.warn(
    `Skipping "${name}": no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install -y ` +
      `chromium; .ci/run does) or set CHROMIUM_PATH.`,
  );
  describe.skip(name, fn);
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every request the pages tried to send to a host not in `hosts` (each was aborted). */
  foreign: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, offline but for `hosts` (host:port): any request
 * elsewhere is aborted and recorded, WebSockets included.
 */
export async function launchChromium(hosts: string[]): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'accord-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
  });
  const foreign: string[] = [];
  const allowed = (url: string) => {
    try {
      return hosts.includes(new URL(url).host);
    } catch {
      return true; // data:, blob: and about: never leave the machine
    }
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url) || !/^(https?|wss?):/.test(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // WebSockets do not pass through `route`: recorded here, and refused by the CSP anyway.
  context.on('page', (page) =>
    page.on('websocket', (ws) => {
      if (!allowed(ws.url())) foreign.push(ws.url());
    }),
  );
  return {
    context,
    foreign,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

// Not in the package's exports: read from its folder.
const GRAPHQL_WS_UMD = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  'graphql-ws',
  'umd',
  'graphql-ws.min.js',
);

/**
 * A page server on its own port (another origin than the API): `/` is `html`, and
 * `/graphql-ws.js` the graphql-ws browser client from node_modules (global `graphqlWs`).
 */
export async function startPageServer(
  html: string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const client = readFileSync(GRAPHQL_WS_UMD);
  const server: Server = createServer((req, res) => {
    if (req.url === '/graphql-ws.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(client);
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
