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

  it(`allows ${LOGIN_LIMITS.freeAttemptsPerAddress} failed logins from one address across accounts, then delays it`, async () => {
    const user = await createUser(t);
    // Distinct unknown emails: the per-account limit never applies, only the per-address one.
    const failures = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.freeAttemptsPerAddress }, (_, i) =>
        t.gql(LOGIN, { email: `nobody-${i}@test.example`, password: 'wrong password' }),
      ),
    );
    for (const res of failures) expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const refused = await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.data).toBeNull();
  });
});
