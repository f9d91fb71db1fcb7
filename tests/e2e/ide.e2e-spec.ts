import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import request from 'supertest';
import { ideExamples } from '../../apps/api/src/ide/ide-examples';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/** What Chromium sends when a user types the address. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** Every source a policy allows: keywords, nonces, data: and this server only. */
const sources = (policy: string) =>
  policy
    .split(';')
    .flatMap((directive) => directive.trim().split(/\s+/).slice(1))
    .filter((source) => !/^'(self|none|unsafe-inline|unsafe-eval|nonce-[\w+/=]+)'$/.test(source));

/** The IDE over HTTP: who gets the page, with which headers, and what stays as it was. */
describe('GraphQL IDE (HTTP)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let t: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await createTestApp({ ide: true }, database);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const page = () => request(t.http).get('/graphql').set('accept', BROWSER_ACCEPT);

  it('serves the IDE page at GET /graphql to browsers, with a strict policy of its own', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>Accord GraphQL IDE</title>');
    expect(res.text).toContain('<base href="/ide/">');
    const policy = res.headers['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    // Every inline script carries the nonce of this response; nothing else may run.
    const scripts = [...res.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts)
      expect(attributes).toMatch(
        new RegExp(`src="[\\w.-]+"|nonce="${nonce.replace(/[+/]/g, '\\$&')}"`),
      );
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(sources(policy)).toEqual(['data:', 'data:']);
    // A new nonce per response.
    expect((await page()).headers['content-security-policy']).not.toBe(policy);
  });

  it('points the IDE at this server only (HTTP and WebSocket endpoints)', async () => {
    const { text } = await page();
    const host = new URL(t.baseUrl).host;
    const urls = [...text.matchAll(/\b(?:https?|wss?):\/\/[^\s`'"<>]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => new URL(url).host !== host)).toEqual([]);
    expect(text).toContain(`ws://${host}/graphql`);
    expect(text).toMatch(/disableAccount: true/);
  });

  it('serves every file of the IDE from /ide/, the script sandbox framed by this server only', async () => {
    const main = await request(t.http).get('/ide/main.js');
    expect(main.status).toBe(200);
    expect(main.headers['content-type']).toMatch(/javascript/);
    const sandbox = await request(t.http).get('/ide/iframe-sandbox/index.html');
    expect(sandbox.status).toBe(200);
    expect(sandbox.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(sandbox.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(sources(sandbox.headers['content-security-policy'])).toEqual(['data:']);
    expect((await request(t.http).get('/ide/nothing-here.js')).status).toBe(404);
  });

  it('leaves GraphQL clients as they were: JSON, GET queries, CSRF prevention, a strict API policy', async () => {
    const plain = await request(t.http).get('/graphql').query({ query: '{ me { id } }' });
    expect(plain.status).toBe(400);
    const json = await request(t.http)
      .get('/graphql')
      .set('accept', 'application/json')
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ me { id } }' });
    expect(json.body).toEqual({ data: { me: null } });
    // A browser following a link with a query gets GraphQL's answer, not the page.
    const link = await page().query({ query: '{ me { id } }' });
    expect(link.headers['content-type']).toMatch(/json/);
    const post = await request(t.http)
      .post('/graphql')
      .set('accept', BROWSER_ACCEPT)
      .send({ query: '{ me { id } }' });
    expect(post.body).toEqual({ data: { me: null } });
    expect(post.headers['content-security-policy']).toMatch(/^default-src 'none'/);
  });

  it('does not reflect a forged Host header into the page', async () => {
    const res = await page().set('host', 'evil.example"></script><script>alert(1)</script>');
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.headers['content-type']).not.toMatch(/html/);
  });

  it('has example operations that validate against the served schema, with and without demo data', async () => {
    const introspection = await t.gql(getIntrospectionQuery({ descriptions: true }));
    expect(introspection.errors).toBeUndefined();
    const schema = buildClientSchema(introspection.data as never);
    for (const demo of [true, false]) {
      for (const example of ideExamples({ demo })) {
        const errors = validate(schema, parse(example.query)).map((e) => e.message);
        expect({ name: example.name, errors }).toEqual({ name: example.name, errors: [] });
      }
    }
  });

  it('is off with IDE=false: browsers get GraphQL’s answer and no IDE files', async () => {
    const off = await createTestApp({ ide: false }, database);
    try {
      const res = await request(off.http).get('/graphql').set('accept', BROWSER_ACCEPT);
      expect(res.headers['content-type']).not.toMatch(/html/);
      expect((await request(off.http).get('/ide/main.js')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
