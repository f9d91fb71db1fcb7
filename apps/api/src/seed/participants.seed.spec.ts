import { PasswordPolicy } from '@accord/auth';
import { DEMO_PASSWORD, DEMO_TOTP_USER, DEMO_USERS } from './participants.seed';

describe('demo users', () => {
  const policy = new PasswordPolicy();

  it.each(DEMO_USERS.map((user) => [user.email, user] as const))(
    'the published demo password passes the password policy for %s',
    async (_email, user) => {
      expect(await policy.problemWith(DEMO_PASSWORD, user)).toBeNull();
    },
  );

  it('names an existing demo user as the one with a second factor', () => {
    expect(DEMO_USERS.map((user) => user.email)).toContain(DEMO_TOTP_USER);
  });
});
