import request from 'supertest';
import { MetricsServer } from '../../apps/api/src/metrics/metrics-server';
import { createUser, TestUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const TOKEN = 'metrics-token-for-tests-0123456789abcdef';

describe('GET /metrics', () => {
  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    let user: TestUser;
    beforeAll(async () => {
      t = await createTestApp({ metricsToken: TOKEN, mode: 'production' });
      user = await createUser(t);
    });
    afterAll(() => t?.close());

    it('refuses a scrape without the token or with a wrong one (401)', async () => {
      const none = await request(t.http).get('/metrics');
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(none.text).not.toMatch(/accord_/);
      const wrong = await request(t.http)
        .get('/metrics')
        .set('authorization', `Bearer ${TOKEN.slice(0, -1)}x`);
      expect(wrong.status).toBe(401);
    });

    it("serves Prometheus text with the token: the operation's counter and duration, HTTP status, pool, event loop", async () => {
      for (let i = 0; i < 3; i++)
        expect(
          (await t.gql('query MetricsProbe { me { id } }', {}, user.token)).errors,
        ).toBeUndefined();
      await t.gql('query { nope }');
      const res = await request(t.http).get('/metrics').set('authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.text;
      expect(text).toMatch(
        /accord_graphql_operations_total\{operation="MetricsProbe",type="query",transport="http",outcome="ok"\} 3\n/,
      );
      expect(text).toMatch(
        /accord_graphql_operation_duration_seconds_count\{operation="MetricsProbe",type="query",transport="http"\} 3\n/,
      );
      // A request GraphQL could not validate is counted without its client-chosen text.
      expect(text).toMatch(
        /accord_graphql_operations_total\{operation="invalid",type="none",transport="http",outcome="error"\} 1\n/,
      );
      expect(text).toMatch(
        /accord_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/,
      );
      expect(text).toMatch(/accord_db_pool_connections\{state="total"\} \d+/);
      expect(text).toMatch(/accord_db_pool_connections\{state="waiting"\} \d+/);
      expect(text).toMatch(/accord_subscription_listener_up 1/);
      expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
      expect(text).toMatch(/process_cpu_user_seconds_total \d/);
    });
  });

  describe('without METRICS_TOKEN', () => {
    it('is 404 under start:prod, even from this machine', async () => {
      const t = await createTestApp({ mode: 'production' });
      try {
        expect((await request(t.http).get('/metrics')).status).toBe(404);
      } finally {
        await t.close();
      }
    });

    it('in development serves a direct local request, never a forwarded one', async () => {
      const t = await createTestApp({ mode: 'development' });
      try {
        expect((await request(t.http).get('/metrics')).status).toBe(200);
        const proxied = await request(t.http).get('/metrics').set('x-forwarded-for', '203.0.113.9');
        expect(proxied.status).toBe(404);
      } finally {
        await t.close();
      }
    });

    it('with METRICS_PORT, serves only on that port (loopback), never on the API port', async () => {
      const t = await createTestApp({
        mode: 'development',
        metricsPort: 0,
        metricsHost: '127.0.0.1',
      });
      try {
        expect((await request(t.http).get('/metrics')).status).toBe(404);
        const port = t.get(MetricsServer).port;
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        expect(res.status).toBe(200);
        expect(await res.text()).toMatch(/accord_http_requests_total/);
        expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
      } finally {
        await t.close();
      }
    });
  });
});
