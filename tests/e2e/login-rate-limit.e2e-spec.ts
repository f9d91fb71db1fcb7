import { LOGIN_LIMITS, LoginRateLimiter } from '@accord/auth';
import { PlatformRole } from '@accord/common';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { gqlFrom } from '../support/gql-from';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken }
}`;

// Every attempt runs argon2 on a shared machine: allow for slow password checks.
jest.setTimeout(240_000);

const code = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code ?? 'OK';

describe('login limits: per (address, account) and per address, counted before the check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterEach(() => {
    t.get(LoginRateLimiter).limits = { ...LOGIN_LIMITS };
  });
  afterAll(() => t.close());

  /** Password checks that ran, as the audit trail records them (one per wrong password). */
  async function passwordChecksFailed(userId: string): Promise<number> {
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE action = 'auth.loginFailed' AND "entityId" = $1`,
      [userId],
    );
    return count as number;
  }

  it('10 wrong passwords from one address do not stop the right password from another', async () => {
    const user = await createUser(t);
    const attacker = [];
    for (let i = 0; i < 10; i++)
      attacker.push(
        code(await gqlFrom(t, '127.0.0.2', LOGIN, { email: user.email, password: `guess ${i}` })),
      );
    expect(attacker.slice(0, LOGIN_LIMITS.freeAttemptsPerAccount)).toEqual(
      Array(LOGIN_LIMITS.freeAttemptsPerAccount).fill('UNAUTHENTICATED'),
    );
    expect(attacker).toContain('RATE_LIMITED');

    const owner = await gqlFrom(t, '127.0.0.3', LOGIN, {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(owner.errors).toBeUndefined();
    expect(owner.data!.login.accessToken).toBeTruthy();
  });

  it(`40 parallel wrong guesses from one address check at most ${LOGIN_LIMITS.freeAttemptsPerAccount} passwords`, async () => {
    const user = await createUser(t);
    // A long first delay: on a loaded machine 40 requests may take longer than 1 s to arrive,
    // and an attempt after the delay is rightly checked.
    const limiter = t.get(LoginRateLimiter);
    limiter.limits = { ...LOGIN_LIMITS, firstDelaySeconds: 300 };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        gqlFrom(t, '127.0.0.4', LOGIN, { email: user.email, password: `parallel guess ${i}` }),
      ),
    );
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(
      LOGIN_LIMITS.freeAttemptsPerAccount,
    );
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(
      40 - LOGIN_LIMITS.freeAttemptsPerAccount,
    );
    expect(await passwordChecksFailed(user.id)).toBe(LOGIN_LIMITS.freeAttemptsPerAccount);
    // Meanwhile the owner, elsewhere, gets in.
    const owner = await gqlFrom(t, '127.0.0.5', LOGIN, {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(code(owner)).toBe('OK');
  });

  it('delays grow: after the free attempts, 1 s, then 2 s, announced in retryAfterSeconds', async () => {
    const user = await createUser(t);
    const from = '127.0.0.6';
    for (let i = 0; i < LOGIN_LIMITS.freeAttemptsPerAccount; i++)
      expect(
        code(await gqlFrom(t, from, LOGIN, { email: user.email, password: `wrong ${i}` })),
      ).toBe('UNAUTHENTICATED');
    const first = await gqlFrom(t, from, LOGIN, { email: user.email, password: 'wrong again' });
    expect(first.errors![0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(
      code(await gqlFrom(t, from, LOGIN, { email: user.email, password: 'after a wait' })),
    ).toBe('UNAUTHENTICATED');
    const second = await gqlFrom(t, from, LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(second.errors![0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 2,
    });
  });

  it(`delays an address after ${LOGIN_LIMITS.freeAttemptsPerAddress} failures across accounts; other addresses are not affected`, async () => {
    const user = await createUser(t);
    const from = '127.0.0.7';
    // Distinct unknown emails: the per-account limit never applies, only the per-address one.
    const failures = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.freeAttemptsPerAddress }, (_, i) =>
        gqlFrom(t, from, LOGIN, { email: `nobody-${i}@test.example`, password: 'wrong password' }),
      ),
    );
    expect(failures.map(code)).toEqual(Array(failures.length).fill('UNAUTHENTICATED'));
    const refused = await gqlFrom(t, from, LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.data).toBeNull();
    expect(
      code(await gqlFrom(t, '127.0.0.8', LOGIN, { email: user.email, password: TEST_PASSWORD })),
    ).toBe('OK');
  });

  it('a success from an address forgives its failures at that account', async () => {
    const user = await createUser(t);
    const from = '127.0.0.9';
    const attempt = (password: string) => gqlFrom(t, from, LOGIN, { email: user.email, password });
    for (let i = 0; i < LOGIN_LIMITS.freeAttemptsPerAccount - 1; i++)
      expect(code(await attempt(`typo ${i}`))).toBe('UNAUTHENTICATED');
    expect(code(await attempt(TEST_PASSWORD))).toBe('OK');
    for (let i = 0; i < LOGIN_LIMITS.freeAttemptsPerAccount; i++)
      expect(code(await attempt(`typo again ${i}`))).toBe('UNAUTHENTICATED');
  });

  it('a throttled owner gets in at once with a reset ticket, whatever strangers tried from the same address', async () => {
    const user = await createUser(t);
    const admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
    t.get(LoginRateLimiter).limits = { ...LOGIN_LIMITS, firstDelaySeconds: 300 };
    const shared = '127.0.0.10'; // one address for the stranger and the owner (a shared NAT)
    for (let i = 0; i <= LOGIN_LIMITS.freeAttemptsPerAccount; i++)
      await gqlFrom(t, shared, LOGIN, { email: user.email, password: `guess ${i}` });
    const login = (password: string) =>
      gqlFrom(t, shared, LOGIN, { email: user.email, password }).then(code);
    expect(await login(TEST_PASSWORD)).toBe('RATE_LIMITED');

    const ticket = await t.gql(
      'mutation($id: ID!) { issuePasswordReset(userId: $id) { token } }',
      { id: user.id },
      admin.token,
    );
    const newPassword = 'quartz meadow lantern drifts north';
    const reset = await t.gql(
      'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }',
      { token: ticket.data!.issuePasswordReset.token, password: newPassword },
    );
    expect(reset.data!.resetPassword).toBe(true);
    expect(await login(newPassword)).toBe('OK');
  });
});
