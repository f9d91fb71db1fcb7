import { countQueries } from '../support/count-queries';
import { unreportedAllowance } from '../../apps/api/src/http/request-rate-limiter';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const LIMIT = 5;
const CLIENT_A = '198.51.100.7';
const CLIENT_B = '198.51.100.8';

/**
 * The general per-client limit, with a low RATE_LIMIT_PER_MINUTE: shared by two instances on
 * one database, per client address, on GraphQL and REST, never on /health.
 */
describe('general rate limit', () => {
  let database: { url: string; drop(): Promise<void> };
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    const config = { rateLimitPerMinute: LIMIT, trustProxy: true };
    first = await createTestApp(config, database);
    second = await createTestApp(config, database);
  });
  afterAll(async () => {
    await Promise.all([first, second].map((t) => t?.close()));
    await database.drop();
  });

  const graphql = (t: TestApp, forwardedFor: string) =>
    request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .send({ query: '{ __typename }' });

  it('counts one client across instances, refuses it with RATE_LIMITED, and leaves others alone', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await graphql(i % 2 ? second : first, CLIENT_A);
      expect(res.status).toBe(200);
    }
    const refused = await graphql(second, CLIENT_A);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
    });
    // The other instance agrees: the counters are in PostgreSQL.
    expect((await graphql(first, CLIENT_A)).status).toBe(429);

    // Another client address is not affected.
    const other = await graphql(first, CLIENT_B);
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps its counters out of the write-ahead log: no flushed commit per request', async () => {
    const [table] = await first.dataSource.query(
      `SELECT relpersistence FROM pg_class WHERE relname = 'request_rate_limits'`,
    );
    expect(table.relpersistence).toBe('u');
  });

  it('holds across instances within the small allowance each may admit before reporting', async () => {
    const limit = 100; // an allowance of 2 per instance
    const config = { rateLimitPerMinute: limit, trustProxy: true };
    const [a, b] = [await createTestApp(config, database), await createTestApp(config, database)];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < limit + 30; i++)
        statuses.push((await graphql(i % 2 ? b : a, '198.51.100.20')).status);
      const admitted = statuses.filter((status) => status === 200).length;
      expect(admitted).toBeGreaterThanOrEqual(limit);
      expect(admitted).toBeLessThanOrEqual(limit + 2 * unreportedAllowance(limit));
      expect(statuses.slice(-10).every((status) => status === 429)).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('reports a busy client in batches, not one statement per request, and counts every request', async () => {
    const t = await createTestApp({ rateLimitPerMinute: 1000, trustProxy: true }, database);
    try {
      const { statements } = await countQueries(async () => {
        for (let i = 0; i < 60; i++) expect((await graphql(t, '198.51.100.30')).status).toBe(200);
      });
      const counted = statements.filter((sql) => sql.includes('request_rate_limits')).length;
      expect(counted).toBeLessThan(20);
      // Reported a moment later: the shared count has all 60.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const [row] = await t.dataSource.query(
        `SELECT points FROM request_rate_limits WHERE key LIKE '%198.51.100.30%'`,
      );
      expect(row.points).toBe(60);
    } finally {
      await t.close();
    }
  });

  it('answers REST routes over the limit with a JSON 429, and /health never', async () => {
    const rest = await request(first.http)
      .get('/documents/no-such-document/signatories.csv')
      .set('x-forwarded-for', CLIENT_A);
    expect(rest.status).toBe(429);
    expect(rest.headers['content-type']).toMatch(/^application\/json/);
    expect(rest.headers['retry-after']).toMatch(/^\d+$/);
    expect(rest.body).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: Number(rest.headers['retry-after']),
    });
    const health = await request(first.http).get('/health').set('x-forwarded-for', CLIENT_A);
    expect(health.status).toBe(200);
  });

  it('takes the address the trusted proxy added, not one the client put first', async () => {
    // The proxy appends the real address: a client over its limit cannot escape by
    // sending an X-Forwarded-For of its own.
    const spoofed = await graphql(first, `203.0.113.99, ${CLIENT_A}`);
    expect(spoofed.status).toBe(429);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: every request counts against the socket address', async () => {
    const direct = await createTestApp({ rateLimitPerMinute: 3, trustProxy: false });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++) statuses.push((await graphql(direct, `192.0.2.${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await direct.close();
    }
  });
});
