import { renderAltair, RenderOptions } from 'altair-static';
import { IDE_ENVIRONMENT_VARIABLES, IdeExample } from './ide-examples';

/** Where the IDE's files are served from (altair-static's dist folder). */
export const IDE_ASSETS_PATH = '/ide/';
const NONCE_PLACEHOLDER = 'accord-ide-nonce-placeholder';
// Altair needs absolute endpoints; the page is rendered once and given each request's origin.
const HTTP_ORIGIN = 'http://accord-ide-origin-placeholder';
const WS_ORIGIN = 'ws://accord-ide-origin-placeholder';
const ENDPOINT = `${HTTP_ORIGIN}/graphql`;
const SUBSCRIPTIONS = `${WS_ORIGIN}/graphql`;

/**
 * Altair's options: this server's endpoints, the examples as tabs, and everything that would
 * reach another host switched off (accounts and cloud sync, plugins, update checks, banners).
 */
function altairOptions(examples: IdeExample[]): RenderOptions {
  return {
    baseURL: IDE_ASSETS_PATH,
    endpointURL: ENDPOINT,
    subscriptionsEndpoint: SUBSCRIPTIONS,
    initialSubscriptionRequestHandlerId: 'graphql-ws',
    initialHeaders: { Authorization: 'Bearer ' },
    initialWindows: examples.map((example) => ({
      initialName: example.name,
      endpointURL: ENDPOINT,
      subscriptionsEndpoint: SUBSCRIPTIONS,
      initialSubscriptionRequestHandlerId: 'graphql-ws',
      initialQuery: example.query,
      initialVariables: JSON.stringify(example.variables, null, 2),
      initialHeaders: example.headers,
      initialPostRequestScript: example.postRequestScript,
    })),
    initialEnvironments: {
      base: { title: 'Accord', variables: {} },
      subEnvironments: [{ id: 'accord', title: 'Accord', variables: IDE_ENVIRONMENT_VARIABLES }],
      activeSubEnvironment: 'accord',
    },
    instanceStorageNamespace: 'accord_ide_',
    disableAccount: true,
    initialSettings: {
      'plugin.list': [],
      'alert.disableUpdateNotification': true,
      'alert.disableWarnings': false,
      'banners.disable': true,
      disablePushNotification: true,
      'schema.reloadOnStart': true,
      'request.withCredentials': false,
    },
    persistedSettings: {
      'plugin.list': [],
      'alert.disableUpdateNotification': true,
      'banners.disable': true,
      disablePushNotification: true,
    },
    cspNonce: NONCE_PLACEHOLDER,
  };
}

/**
 * Altair looks for its script sandbox (which runs pre- and post-request scripts) under the
 * page's base URL, but when several tabs ask at once all but the first fall back to
 * sandbox.altairgraphql.dev (8.5.9): tell it where the sandbox is before any tab asks.
 */
const LOCAL_SANDBOX = `
    const config = globalThis.getAltairConfig && globalThis.getAltairConfig();
    if (config) {
      config.localSandboxUrl = new URL('iframe-sandbox/index.html', document.baseURI).href;
      config.useLocalSandboxUrl = true;
    }
`;

/**
 * The page, rendered once; `page(nonce, origin)` only puts in the request's nonce and this
 * server's origin as the browser reached it (e.g. `https://accord.example.org`).
 */
export function idePageRenderer(
  examples: IdeExample[],
): (nonce: string, origin: { http: string; ws: string }) => string {
  const html = renderAltair(altairOptions(examples))
    .replace('<title>Altair</title>', '<title>Accord GraphQL IDE</title>')
    .replace(
      '</body>',
      `<script type="module" nonce="${NONCE_PLACEHOLDER}">${LOCAL_SANDBOX}</script></body>`,
    );
  return (nonce, origin) =>
    html
      .split(NONCE_PLACEHOLDER)
      .join(nonce)
      .split(HTTP_ORIGIN)
      .join(origin.http)
      .split(WS_ORIGIN)
      .join(origin.ws);
}

/**
 * The page's Content-Security-Policy: scripts only from this server or with the request's
 * nonce, connections (HTTP and WebSocket) only to this server, no other host at all.
 * Angular injects component styles at run time, so styles may be inline (never remote).
 */
export function ideContentSecurityPolicy(nonce?: string): string {
  return [
    "default-src 'none'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
