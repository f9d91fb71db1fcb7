import { LOGIN_LIMITS } from '@accord/auth';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

/**
 * The login limiter counts the client address: the forwarded one only with TRUST_PROXY.
 * Each refused login costs a password hash, so instead of 60 real attempts the test spends an
 * address's allowance in the limiter's own PostgreSQL counters (its table and key prefix),
 * then sends real logins over HTTP.
 */
describe('login rate limit behind a proxy', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  const spendAllowance = (app: TestApp, address: string) =>
    new RateLimiterPostgres({
      storeClient: (app.dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'login_rate_limits',
      tableCreated: true,
      keyPrefix: 'login-address',
      points: LOGIN_LIMITS.attemptsPerAddressPerMinute,
      duration: 60,
    }).penalty(address, LOGIN_LIMITS.attemptsPerAddressPerMinute);

  const login = (app: TestApp, forwardedFor: string) =>
    request(app.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .send({ query: LOGIN, variables: { email: 'nobody@test.example', password: 'wrong' } })
      .then((res) => res.body.errors[0].extensions.code as string);

  it('with TRUST_PROXY, limits the forwarded address and not the proxy’s', async () => {
    t = await createTestApp({ trustProxy: true });
    await spendAllowance(t, '198.51.100.20');
    expect(await login(t, '198.51.100.20')).toBe('RATE_LIMITED');
    expect(await login(t, '198.51.100.21')).toBe('UNAUTHENTICATED');
  });

  it('without TRUST_PROXY, limits the socket address whatever X-Forwarded-For says', async () => {
    t = await createTestApp({ trustProxy: false });
    expect(await login(t, '198.51.100.20')).toBe('UNAUTHENTICATED');
    await spendAllowance(t, '198.51.100.20');
    // The forged header is not the address counted: the socket's is, and it still has room.
    expect(await login(t, '198.51.100.20')).toBe('UNAUTHENTICATED');
    await spendAllowance(t, '127.0.0.1');
    expect(await login(t, '198.51.100.99')).toBe('RATE_LIMITED');
  });
});
