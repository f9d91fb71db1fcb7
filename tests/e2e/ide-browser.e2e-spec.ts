import { DocumentStatus } from '@accord/common';
import { copyFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { INDUSTRY_DRAFT_SLUG } from '../../apps/api/src/seed/drafting.seed';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/participants.seed';
import { SeedService } from '../../apps/api/src/seed/seed.service';
import {
  BrowserSession,
  describeInChromium,
  launchChromium,
  screenshotPath,
  startPageServer,
} from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/** What a page on another origin runs: a query with fetch, a subscription over graphql-ws. */
const CLIENT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>client</title>
<script src="/graphql-ws.js"></script></head><body><pre id="log"></pre></body></html>`;

/** Runs in the client page: POSTs a query to the API, answers its JSON or the fetch error. */
async function fetchFromPage(page: Page, api: string, query: string): Promise<unknown> {
  return page.evaluate(
    async ({ api, query }) => {
      try {
        const res = await fetch(`${api}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        return { status: res.status, body: await res.json() };
      } catch (error) {
        return { refused: String(error) };
      }
    },
    { api, query },
  );
}

// A page load under a busy CI machine takes tens of seconds (6 MB of IDE, the schema docs);
// playwright's own waits give up after 30 s each, so a test gets more than the suite's 60 s.
jest.setTimeout(120_000);

const DRAFT_TITLE = 'Pall Mall Process: Code of Practice for Industry (draft)';

/**
 * The GraphQL IDE and browser clients in a real Chromium, with every other host blocked: the
 * IDE loads from this server alone, shows the schema docs, signs in with one click and runs a
 * query with the token; a page on an allowed origin runs a query and a subscription; a page
 * on another origin is refused by CORS.
 */
describeInChromium('GraphQL IDE and browser clients (Chromium)', () => {
  let t: TestApp;
  let browser: BrowserSession;
  let allowed: Awaited<ReturnType<typeof startPageServer>>;
  let refused: Awaited<ReturnType<typeof startPageServer>>;
  let page: Page;

  beforeAll(async () => {
    allowed = await startPageServer(CLIENT_PAGE);
    refused = await startPageServer(CLIENT_PAGE);
    t = await createTestApp({ ide: true, seedDemo: true, corsOrigins: [allowed.origin] });
    await t.get(SeedService).run();
    browser = await launchChromium(
      [allowed.origin, refused.origin, t.baseUrl].map((o) => new URL(o).host),
    );
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await allowed?.close();
    await refused?.close();
  });

  /** Opens a tab of the IDE by its name and sends its operation. */
  async function run(tab: string): Promise<void> {
    await page.getByText(tab, { exact: true }).first().click();
    await page.getByText('Send Request', { exact: true }).first().click();
  }

  it('serves the IDE at /graphql and shows the schema docs, with Document among the types', async () => {
    await page.goto(`${t.baseUrl}/graphql`);
    await page.getByText('Delegate · 1 sign in', { exact: true }).first().waitFor();
    await page.getByText('Docs', { exact: true }).first().click();
    // The root types show once the schema has loaded (by introspection, from this server).
    const docs = page.locator('app-doc-viewer');
    await docs.getByText('Mutation', { exact: true }).waitFor();
    // The search results list the type; it leads to its own page. Altair builds its search
    // index after drawing the root types: on a busy machine a first search can find nothing,
    // so search again (as a person would) before giving up.
    const search = page.getByPlaceholder('Search docs...');
    const result = docs.getByText('Document', { exact: true }).first();
    for (let attempt = 1; ; attempt++) {
      await search.fill('');
      await search.fill('Document');
      await search.press('Enter');
      try {
        await result.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
    await result.click();
    // The type's page: its fields with their descriptions.
    await page.getByText('Active (not withdrawn) signatures').waitFor();
    await page.screenshot({ path: screenshotPath('ide-docs') });
  });

  it('signs in with one click and runs a query with the bearer token, showing its result', async () => {
    const sent: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('ReadDraft'))
        sent.push(request.headers().authorization);
    });
    await run('Delegate · 1 sign in');
    await page.getByText('Updated active environment variables: delegateToken').waitFor();
    await run('Delegate · 2 read the draft');
    await page.getByText(`"${DRAFT_TITLE}"`).waitFor();
    expect(sent).toEqual([expect.stringMatching(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)]);
    await page.screenshot({ path: screenshotPath('ide-read-draft') });
  });

  it('lets a page on an allowed origin run a query and a subscription', async () => {
    const client = await browser.context.newPage();
    await client.goto(allowed.origin);
    const answer = await fetchFromPage(client, t.baseUrl, '{ documents { title } }');
    expect(answer).toMatchObject({ status: 200, body: { data: { documents: expect.any(Array) } } });

    const login = await t.gql<{ login: { accessToken: string } }>(
      `mutation { login(email: "delegate.uk@accord.example", password: "${DEMO_PASSWORD}") { accessToken } }`,
    );
    const token = login.data!.login.accessToken;
    const draft = await t.gql<{ document: { id: string; clauses: { id: string }[] } }>(
      `{ document(slug: "${INDUSTRY_DRAFT_SLUG}") { id clauses { id } } }`,
      {},
      token,
    );
    const { id: documentId, clauses } = draft.data!.document;
    // The page subscribes; the test changes the draft; the page sees the event.
    const event = client.evaluate(
      ({ url, token, documentId }) =>
        new Promise<unknown>((resolve, reject) => {
          const ws = (globalThis as any).graphqlWs.createClient({
            url,
            connectionParams: { Authorization: `Bearer ${token}` },
          });
          const stop = ws.subscribe(
            {
              query: `subscription($id: ID!) { documentChanged(documentId: $id) { id status } }`,
              variables: { id: documentId },
            },
            {
              next: (value: unknown) => {
                stop();
                void ws.dispose();
                resolve(value);
              },
              error: (error: unknown) => reject(new Error(JSON.stringify(error))),
              complete: () => undefined,
            },
          );
        }),
      { url: t.baseUrl.replace(/^http/, 'ws') + '/graphql', token, documentId },
    );
    // The page cannot tell when the server has registered its subscription: change the draft
    // until an event arrives (the first change usually suffices).
    let received: unknown;
    for (let attempt = 0; attempt < 20 && received === undefined; attempt++) {
      const comment = await t.gql(
        `mutation($clauseId: ID!) { addComment(clauseId: $clauseId, body: "From a browser") { id } }`,
        { clauseId: clauses[0].id },
        token,
      );
      expect(comment.errors).toBeUndefined();
      received = await Promise.race([event, new Promise((r) => setTimeout(r, 500))]);
    }
    expect(received).toEqual({
      data: { documentChanged: { id: documentId, status: DocumentStatus.NEGOTIATION } },
    });
    await client.close();
  });

  it('refuses a page on another origin: no CORS headers for its fetch, no WebSocket', async () => {
    const client = await browser.context.newPage();
    await client.goto(refused.origin);
    const answer = await fetchFromPage(client, t.baseUrl, '{ documents { title } }');
    expect(answer).toEqual({ refused: expect.stringMatching(/Failed to fetch/) });
    const socket = await client.evaluate(
      (url) =>
        new Promise<unknown>((resolve) => {
          const ws = (globalThis as any).graphqlWs.createClient({
            url,
            retryAttempts: 0,
            on: {
              connected: () => resolve('connected'),
              closed: (event: { code: number }) => resolve({ closed: event.code }),
            },
          });
          ws.subscribe(
            { query: '{ __typename }' },
            { next: () => resolve('answered'), error: () => undefined, complete: () => undefined },
          );
        }),
      t.baseUrl.replace(/^http/, 'ws') + '/graphql',
    );
    expect(socket).toEqual({ closed: expect.any(Number) });
    await client.close();
  });

  it('sent no request to another host', () => {
    expect(browser.foreign).toEqual([]);
  });

  afterAll(() => {
    // Good screenshots of a passing run, for the README (docs/ keeps the committed copies).
    if (process.env.IDE_SCREENSHOTS_TO_DOCS) {
      for (const name of ['ide-docs', 'ide-read-draft'])
        copyFileSync(screenshotPath(name), `${__dirname}/../../docs/${name}.png`);
    }
  });
});
