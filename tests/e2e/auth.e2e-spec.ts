import { PlatformRole } from '@accord/common';
import { LOGIN_LIMITS } from '@accord/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser, TEST_PASSWORD } from '../support/factories';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken user { email platformRole } }
}`;
const ME = `{ me { id email displayName platformRole delegation { role } } }`;

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in with the right password, case-insensitively on the email, and the token identifies the user', async () => {
    const user = await createUser(t, { email: 'Mixed.Case@Test.Example' });
    const res = await t.gql(LOGIN, { email: 'MIXED.case@test.example', password: TEST_PASSWORD });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user.email).toBe('mixed.case@test.example');
    const me = await t.gql(ME, {}, res.data!.login.accessToken);
    expect(me.data!.me).toMatchObject({ id: user.id, platformRole: 'NONE', delegation: null });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const user = await createUser(t);
    const wrong = await t.gql(LOGIN, { email: user.email, password: 'not the password at all' });
    const unknown = await t.gql(LOGIN, {
      email: 'nobody@test.example',
      password: 'not the password at all',
    });
    expect(wrong.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0]).toEqual(wrong.errors![0]);
  });

  it(`delays an address at an account after ${LOGIN_LIMITS.freeAttemptsPerAccount} failures, even with the right password`, async () => {
    const user = await createUser(t);
    for (let i = 0; i < LOGIN_LIMITS.freeAttemptsPerAccount; i++) {
      const res = await t.gql(LOGIN, { email: user.email, password: 'wrong password ' + i });
      expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const delayed = await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(delayed.errors![0].extensions.code).toBe('RATE_LIMITED');
    expect(delayed.errors![0].extensions.retryAfterSeconds).toBe(LOGIN_LIMITS.firstDelaySeconds);
  });

  it('returns null for me without a token, and UNAUTHENTICATED for a forged token on a protected operation', async () => {
    expect((await t.gql(ME)).data!.me).toBeNull();
    const res = await t.gql('{ users { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a disabled user on the very next request', async () => {
    const admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
    const user = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
    expect((await t.gql('{ users(first: 1) { id } }', {}, user.token)).errors).toBeUndefined();
    const disable = await t.gql(
      'mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { disabledAt } }',
      { id: user.id },
      admin.token,
    );
    expect(disable.data!.setUserDisabled.disabledAt).toBeTruthy();
    const after = await t.gql('{ users(first: 1) { id } }', {}, user.token);
    expect(after.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
