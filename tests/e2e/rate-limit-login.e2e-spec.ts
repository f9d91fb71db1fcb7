import { LOGIN_LIMITS, LoginRateLimiter } from '@accord/auth';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

/**
 * The login limiter counts the client address: the forwarded one only with TRUST_PROXY.
 * Each address gets one free failure here and then a long wait, so the second attempt from
 * the address the limiter sees is refused.
 */
describe('login rate limit behind a proxy', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  const tightenLimits = (app: TestApp) => {
    app.get(LoginRateLimiter).limits = {
      ...LOGIN_LIMITS,
      freeAttemptsPerAddress: 1,
      firstDelaySeconds: 300,
    };
  };

  const login = (app: TestApp, forwardedFor: string) =>
    request(app.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', forwardedFor)
      .send({ query: LOGIN, variables: { email: 'nobody@test.example', password: 'wrong' } })
      .then((res) => res.body.errors[0].extensions.code as string);

  it('with TRUST_PROXY, limits the forwarded address and not the proxy’s', async () => {
    t = await createTestApp({ trustProxy: true });
    tightenLimits(t);
    expect(await login(t, '198.51.100.20')).toBe('UNAUTHENTICATED');
    expect(await login(t, '198.51.100.20')).toBe('RATE_LIMITED');
    expect(await login(t, '198.51.100.21')).toBe('UNAUTHENTICATED');
  });

  it('without TRUST_PROXY, limits the socket address whatever X-Forwarded-For says', async () => {
    t = await createTestApp({ trustProxy: false });
    tightenLimits(t);
    expect(await login(t, '198.51.100.20')).toBe('UNAUTHENTICATED');
    // A different forged header does not make a new client: the socket's address is counted.
    expect(await login(t, '198.51.100.99')).toBe('RATE_LIMITED');
  });
});
