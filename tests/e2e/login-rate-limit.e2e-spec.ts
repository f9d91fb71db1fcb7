import { LOGIN_LIMITS } from '@accord/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser, TEST_PASSWORD } from '../support/factories';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

describe('login rate limit per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`allows ${LOGIN_LIMITS.attemptsPerAddressPerMinute} logins a minute from one address, then answers RATE_LIMITED`, async () => {
    const user = await createUser(t);
    for (let i = 0; i < LOGIN_LIMITS.attemptsPerAddressPerMinute; i++) {
      // Distinct unknown emails: the per-email limit never applies, only the per-address one.
      const res = await t.gql(LOGIN, {
        email: `nobody-${i}@test.example`,
        password: 'wrong password',
      });
      expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const refused = await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.data).toBeNull();
  });
});
