import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_TOTP_USER,
  DEMO_USERS,
  ParticipantsSeed,
} from '../../apps/api/src/seed/participants.seed';
import { createTestApp, TestApp } from '../support/test-app';
import { awayFromStepEdge, codeAt, stepNow } from '../support/totp';

const LOGIN = `mutation($email: String!, $password: String!, $code: String) {
  login(email: $email, password: $password, totpCode: $code) { user { email mfaEnabled } }
}`;

describe('demo users (SEED_DEMO)', () => {
  let t: TestApp;
  let seed: ParticipantsSeed;
  beforeAll(async () => {
    t = await createTestApp();
    seed = t.get(ParticipantsSeed);
    await seed.seed();
  });
  afterAll(() => t.close());

  it.each(DEMO_USERS.filter((u) => u.email !== DEMO_TOTP_USER).map((u) => u.email))(
    '%s logs in with the published demo password',
    async (email) => {
      const res = await t.gql(LOGIN, { email, password: DEMO_PASSWORD });
      expect(res.data!.login.user).toEqual({ email, mfaEnabled: false });
    },
  );

  it('one demo user has a second factor on, with the secret printed at start', async () => {
    const asked = await t.gql(LOGIN, { email: DEMO_TOTP_USER, password: DEMO_PASSWORD });
    expect(asked.errors![0].extensions.code).toBe('MFA_REQUIRED');
    await awayFromStepEdge();
    const code = codeAt(DEMO_TOTP_SECRET, stepNow());
    const res = await t.gql(LOGIN, { email: DEMO_TOTP_USER, password: DEMO_PASSWORD, code });
    expect(res.data!.login.user).toEqual({ email: DEMO_TOTP_USER, mfaEnabled: true });
    expect(seed.logins().find((l) => l.email === DEMO_TOTP_USER)!.totpSecret).toBe(
      DEMO_TOTP_SECRET,
    );
  });

  it('hashes the demo password once for all demo users', async () => {
    const rows = await t.dataSource.query(
      `SELECT count(DISTINCT "passwordHash")::int AS n FROM users WHERE email LIKE '%@accord.example'`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});
