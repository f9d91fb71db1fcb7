import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { WsSession } from './ws-fixtures';

const QUERY = '{ participants(first: 1) { totalCount } }';
const LIMIT = 4;

/** The per-address request limit of HTTP holds for operations over an open socket too. */
describe('graphql-ws: the general rate limit', () => {
  let t: TestApp;
  let ws: WsSession;
  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: LIMIT });
    ws = new WsSession(t, null);
  });
  afterAll(async () => {
    await ws.dispose();
    await t.close();
  });

  it('counts every operation of a socket with the HTTP requests of its address', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 2; i++) answers.push(await ws.run(QUERY));
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('OK'));
    expect(codes.slice(LIMIT)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(answers[LIMIT].errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The same address over HTTP has used up the same allowance.
    const http = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: QUERY });
    expect(http.status).toBe(429);
  });
});
