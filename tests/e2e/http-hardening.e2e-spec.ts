import { loadConfig } from '@accord/common';
import request from 'supertest';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const ALLOWED_ORIGIN = 'https://delegates.example.org';
const OTHER_ORIGIN = 'https://evil.example';
const INTROSPECTION = '{ __schema { queryType { name } } }';

/** The introspection default of a configuration parsed from these variables. */
const introspectionFor = (env: Record<string, string>) =>
  loadConfig({
    DATABASE_URL: 'postgres://x@localhost/accord_test',
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  }).graphqlIntrospection;

/** Security headers, TLS, CORS and introspection: how the API answers browsers and proxies. */
describe('HTTP hardening', () => {
  let database: { url: string; drop(): Promise<void> };
  let plain: TestApp;
  let behindProxy: TestApp;
  let withCors: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    plain = await createTestApp({}, database);
    behindProxy = await createTestApp({ trustProxy: true }, database);
    withCors = await createTestApp({ corsOrigins: [ALLOWED_ORIGIN] }, database);
  });
  afterAll(async () => {
    await Promise.all([plain, behindProxy, withCors].map((t) => t?.close()));
    await database.drop();
  });

  const graphql = (t: TestApp) =>
    request(t.http).post('/graphql').set('content-type', 'application/json');

  describe('security headers', () => {
    it('are on GraphQL, REST, health and not-found responses, without X-Powered-By', async () => {
      const responses = await Promise.all([
        graphql(plain).send({ query: '{ __typename }' }),
        request(plain.http).get('/health'),
        request(plain.http).get('/documents/no-such-document/signatories.csv'),
        request(plain.http).get('/no/such/route'),
      ]);
      for (const res of responses) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('include HSTS only for a request that came over TLS through a trusted proxy', async () => {
      const overTls = await request(behindProxy.http)
        .get('/health')
        .set('x-forwarded-proto', 'https');
      expect(overTls.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      const overHttp = await request(behindProxy.http).get('/health');
      expect(overHttp.headers['strict-transport-security']).toBeUndefined();
      // Without TRUST_PROXY a client cannot claim TLS by sending the header itself.
      const claimed = await request(plain.http).get('/health').set('x-forwarded-proto', 'https');
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
    });

    it('leave GraphQL JSON answers intact', async () => {
      const res = await graphql(plain).send({ query: '{ me { id } }' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { me: null } });
    });
  });

  describe('CORS', () => {
    const preflight = (t: TestApp, origin: string) =>
      request(t.http)
        .options('/graphql')
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type,authorization');

    it('is off by default: no origin gets an Access-Control-Allow-Origin', async () => {
      for (const origin of [ALLOWED_ORIGIN, OTHER_ORIGIN]) {
        const pre = await preflight(plain, origin);
        expect(pre.headers['access-control-allow-origin']).toBeUndefined();
        const post = await graphql(plain).set('origin', origin).send({ query: '{ __typename }' });
        expect(post.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('answers the preflight of an allowed origin with the headers a GraphQL client sends', async () => {
      const pre = await preflight(withCors, ALLOWED_ORIGIN);
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      const allowed = pre.headers['access-control-allow-headers'].split(',');
      expect(allowed).toEqual(
        expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight']),
      );
      expect(pre.headers['access-control-allow-methods']).toContain('POST');
      expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
      const post = await graphql(withCors)
        .set('origin', ALLOWED_ORIGIN)
        .send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(post.headers['access-control-expose-headers']).toBe('Retry-After');
      expect(post.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('gives another origin no CORS header, even with the allowlist on', async () => {
      const pre = await preflight(withCors, OTHER_ORIGIN);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-headers']).toBeUndefined();
      const post = await graphql(withCors)
        .set('origin', OTHER_ORIGIN)
        .send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('introspection', () => {
    it('is on by default in development and off by default in production', () => {
      expect(introspectionFor({})).toBe(true);
      expect(introspectionFor({ NODE_ENV: 'production' })).toBe(false);
      expect(introspectionFor({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toBe(
        true,
      );
    });

    it('answers introspection when GRAPHQL_INTROSPECTION is on', async () => {
      const res = await plain.gql(INTROSPECTION);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('refuses introspection when it is off (the production default), and still serves queries', async () => {
      const production = await createTestApp(
        { mode: 'production', graphqlIntrospection: introspectionFor({ NODE_ENV: 'production' }) },
        database,
      );
      try {
        const res = await production.gql(INTROSPECTION);
        expect(res.data).toBeFalsy();
        expect(res.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.errors![0].message).toMatch(/introspection/i);
        expect((await production.gql('{ me { id } }')).data).toEqual({ me: null });
      } finally {
        await production.close();
      }
    });
  });
});
