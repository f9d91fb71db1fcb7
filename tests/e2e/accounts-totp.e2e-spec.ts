import { PlatformRole } from '@accord/common';
import { LOGIN_LIMITS, LoginRateLimiter } from '@accord/auth';
import { createTestApp, TestApp } from '../support/test-app';
import {
  createUser,
  createWorld,
  TEST_PASSWORD,
  TestUser,
  World,
  ACCOUNT_KINDS,
  AccountKind,
  freshUser as freshUserOf,
} from '../support/factories';
import { awayFromStepEdge, codeAt, enrolTotp, stepNow } from '../support/totp';

const LOGIN = `mutation($email: String!, $password: String!, $code: String) {
  login(email: $email, password: $password, totpCode: $code) { accessToken user { mfaEnabled lastLoginAt } }
}`;
const BEGIN = `mutation { beginTotpEnrolment { secret otpauthUri qrCodeSvg } }`;
const CONFIRM = `mutation($code: String!) { confirmTotpEnrolment(code: $code) }`;
const DISABLE = `mutation($password: String!) { disableTotp(password: $password) }`;
const RESET = `mutation($id: ID!) { resetUserTotp(userId: $id) { id mfaEnabled } }`;
const ME = `{ me { id mfaEnabled language lastLoginAt } }`;

const ROLES = ACCOUNT_KINDS;

describe('second factor (TOTP, recovery codes, MFA at login)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    // This file logs in often from one address: the login limits have their own tests.
    t.get(LoginRateLimiter).limits = {
      ...LOGIN_LIMITS,
      freeAttemptsPerAccount: 1000,
      freeAttemptsPerAddress: 1000,
    };
  });
  afterAll(() => t.close());

  const freshUser = (role: AccountKind) => freshUserOf(t, w, role);
  const login = (user: Pick<TestUser, 'email'>, code?: string | null, password = TEST_PASSWORD) =>
    t.gql(LOGIN, { email: user.email, password, code: code ?? null });
  const codeOf = (res: Awaited<ReturnType<TestApp['gql']>>) => res.errors?.[0]?.extensions.code;
  const auditActions = async (userId: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT action FROM audit_events WHERE "entityId" = $1 ORDER BY id`,
        [userId],
      )
    ).map((r: { action: string }) => r.action);

  describe('enrolment', () => {
    it.each(ROLES)(
      '%s enrols: secret, otpauth URI, SVG QR code; on only after a valid code, with ten recovery codes',
      async (role) => {
        const user = await freshUser(role);
        const begun = await t.gql(BEGIN, {}, user.token);
        const { secret, otpauthUri, qrCodeSvg } = begun.data!.beginTotpEnrolment;
        expect(secret).toMatch(/^[A-Z2-7]{32}$/);
        const uri = new URL(otpauthUri);
        expect(`${uri.protocol}//${uri.host}`).toBe('otpauth://totp');
        expect(decodeURIComponent(uri.pathname)).toBe(`/Accord:${user.email}`);
        expect(uri.searchParams.get('issuer')).toBe('Accord');
        expect(uri.searchParams.get('secret')).toBe(secret);
        expect(qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect((await t.gql(ME, {}, user.token)).data!.me.mfaEnabled).toBe(false);

        await awayFromStepEdge();
        const confirmed = await t.gql(CONFIRM, { code: codeAt(secret, stepNow()) }, user.token);
        const codes: string[] = confirmed.data!.confirmTotpEnrolment;
        expect(codes).toHaveLength(10);
        expect(new Set(codes).size).toBe(10);
        codes.forEach((code) => expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/));
        expect((await t.gql(ME, {}, user.token)).data!.me.mfaEnabled).toBe(true);
        expect(await auditActions(user.id)).toContain('user.totpEnabled');
      },
    );

    it('keeps the secret encrypted and the recovery codes hashed at rest', async () => {
      const user = await createUser(t);
      const { secret, recoveryCodes } = await enrolTotp(t, user);
      const dump = JSON.stringify([
        await t.dataSource.query(`SELECT * FROM totp_credentials`),
        await t.dataSource.query(`SELECT * FROM recovery_codes`),
        await t.dataSource.query(`SELECT * FROM audit_events`),
      ]);
      expect(dump).not.toContain(secret);
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
      for (const code of recoveryCodes) expect(dump).not.toContain(code.replace('-', ''));
      for (const code of recoveryCodes) expect(dump).not.toContain(code);
    });

    it('refuses anonymous callers', async () => {
      expect(codeOf(await t.gql(BEGIN))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(CONFIRM, { code: '123456' }))).toBe('UNAUTHENTICATED');
    });

    it('refuses a wrong code, and codes two steps away, on code; stays off', async () => {
      const user = await createUser(t);
      const { secret } = (await t.gql(BEGIN, {}, user.token)).data!.beginTotpEnrolment;
      await awayFromStepEdge();
      const now = stepNow();
      const wrong = String((Number(codeAt(secret, now)) + 1) % 1_000_000).padStart(6, '0');
      for (const code of [wrong, codeAt(secret, now - 2), codeAt(secret, now + 2), 'abcdef', '']) {
        const res = await t.gql(CONFIRM, { code }, user.token);
        expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      }
      expect((await t.gql(ME, {}, user.token)).data!.me.mfaEnabled).toBe(false);
    });

    it('refuses to confirm without a pending enrolment, or to begin again while on', async () => {
      const user = await createUser(t);
      expect(codeOf(await t.gql(CONFIRM, { code: '123456' }, user.token))).toBe('INVALID_STATE');
      const { secret } = await enrolTotp(t, user);
      expect(codeOf(await t.gql(BEGIN, {}, user.token))).toBe('INVALID_STATE');
      expect(codeOf(await t.gql(CONFIRM, { code: codeAt(secret, stepNow()) }, user.token))).toBe(
        'INVALID_STATE',
      );
    });

    it('a new beginTotpEnrolment replaces an unconfirmed secret', async () => {
      const user = await createUser(t);
      const first = (await t.gql(BEGIN, {}, user.token)).data!.beginTotpEnrolment.secret;
      const second = (await t.gql(BEGIN, {}, user.token)).data!.beginTotpEnrolment.secret;
      expect(second).not.toBe(first);
      await awayFromStepEdge();
      const stale = await t.gql(CONFIRM, { code: codeAt(first, stepNow()) }, user.token);
      expect(stale.errors![0].extensions.field).toBe('code');
      expect(
        (await t.gql(CONFIRM, { code: codeAt(second, stepNow()) }, user.token)).errors,
      ).toBeUndefined();
    });
  });

  describe('login with a second factor on', () => {
    it('answers MFA_REQUIRED without a code or with a wrong one, and lets the right code in', async () => {
      const user = await createUser(t);
      const { secret } = await enrolTotp(t, user);
      expect(codeOf(await login(user))).toBe('MFA_REQUIRED');
      expect(codeOf(await login(user, '000000'))).toBe('MFA_REQUIRED');
      expect(codeOf(await login(user, 'not a code'))).toBe('MFA_REQUIRED');
      await awayFromStepEdge();
      const ok = await login(user, codeAt(secret, stepNow()));
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.login.user.mfaEnabled).toBe(true);
      expect(ok.data!.login.user.lastLoginAt).toBeTruthy();
    });

    it('says UNAUTHENTICATED, not MFA_REQUIRED, for a wrong password with a valid code', async () => {
      const user = await createUser(t);
      const { secret } = await enrolTotp(t, user);
      await awayFromStepEdge();
      const res = await login(user, codeAt(secret, stepNow()), 'a wrong password entirely');
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    });

    it('accepts the steps either side of now and refuses codes from further away', async () => {
      const user = await createUser(t);
      const { secret } = await enrolTotp(t, user); // used step now-1
      await awayFromStepEdge();
      const now = stepNow();
      expect(codeOf(await login(user, codeAt(secret, now - 3)))).toBe('MFA_REQUIRED');
      expect(codeOf(await login(user, codeAt(secret, now - 2)))).toBe('MFA_REQUIRED');
      expect(codeOf(await login(user, codeAt(secret, now + 2)))).toBe('MFA_REQUIRED');
      expect(codeOf(await login(user, codeAt(secret, now + 20)))).toBe('MFA_REQUIRED');
      expect((await login(user, codeAt(secret, now + 1))).errors).toBeUndefined();
    });

    it('accepts a code once: a replay, or an earlier step after a later one, is refused', async () => {
      const user = await createUser(t);
      const { secret } = await enrolTotp(t, user); // used step now-1
      await awayFromStepEdge();
      const now = stepNow();
      expect((await login(user, codeAt(secret, now))).errors).toBeUndefined();
      expect(codeOf(await login(user, codeAt(secret, now)))).toBe('MFA_REQUIRED');
      expect(codeOf(await login(user, codeAt(secret, now - 1)))).toBe('MFA_REQUIRED');
      expect((await login(user, codeAt(secret, now + 1))).errors).toBeUndefined();
      expect(codeOf(await login(user, codeAt(secret, now)))).toBe('MFA_REQUIRED');
    });

    it('lets one of two parallel logins with the same code in', async () => {
      const user = await createUser(t);
      const { secret } = await enrolTotp(t, user);
      await awayFromStepEdge();
      const code = codeAt(secret, stepNow());
      const results = await Promise.all([login(user, code), login(user, code), login(user, code)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'MFA_REQUIRED')).toHaveLength(2);
    });

    it('the enrolment code cannot be replayed at login', async () => {
      const user = await createUser(t);
      const { secret } = (await t.gql(BEGIN, {}, user.token)).data!.beginTotpEnrolment;
      await awayFromStepEdge();
      const code = codeAt(secret, stepNow());
      expect((await t.gql(CONFIRM, { code }, user.token)).errors).toBeUndefined();
      expect(codeOf(await login(user, code))).toBe('MFA_REQUIRED');
    });

    it('accepts each recovery code once in place of a code, typed loosely, audited', async () => {
      const user = await createUser(t);
      const { recoveryCodes } = await enrolTotp(t, user);
      const [first, second] = recoveryCodes;
      const loose = ` ${first.toUpperCase().replace('-', ' ')} `;
      expect((await login(user, loose)).errors).toBeUndefined();
      expect(codeOf(await login(user, first))).toBe('MFA_REQUIRED');
      expect((await login(user, second)).errors).toBeUndefined();
      const rows = await t.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'user.recoveryCodeUsed' AND "entityId" = $1 ORDER BY id`,
        [user.id],
      );
      expect(rows.map((r: { details: { remaining: number } }) => r.details.remaining)).toEqual([
        9, 8,
      ]);
    });

    it('refuses another user’s recovery code', async () => {
      const user = await createUser(t);
      const other = await createUser(t);
      await enrolTotp(t, user);
      const { recoveryCodes } = await enrolTotp(t, other);
      expect(codeOf(await login(user, recoveryCodes[0]))).toBe('MFA_REQUIRED');
      expect((await login(other, recoveryCodes[0])).errors).toBeUndefined();
    });

    it('users without a second factor log in without a code (a code is ignored)', async () => {
      const user = await createUser(t);
      expect((await login(user)).errors).toBeUndefined();
      expect((await login(user, '123456')).errors).toBeUndefined();
    });
  });

  describe('disableTotp', () => {
    it('turns the second factor off with the current password, audited', async () => {
      const user = await createUser(t);
      await enrolTotp(t, user);
      const wrong = await t.gql(DISABLE, { password: 'not the password at all' }, user.token);
      expect(wrong.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'password',
      });
      expect((await t.gql(ME, {}, user.token)).data!.me.mfaEnabled).toBe(true);
      expect(
        (await t.gql(DISABLE, { password: TEST_PASSWORD }, user.token)).data!.disableTotp,
      ).toBe(true);
      expect((await t.gql(ME, {}, user.token)).data!.me.mfaEnabled).toBe(false);
      expect((await login(user)).errors).toBeUndefined();
      expect(await auditActions(user.id)).toContain('user.totpDisabled');
      expect(codeOf(await t.gql(DISABLE, { password: TEST_PASSWORD }, user.token))).toBe(
        'INVALID_STATE',
      );
      expect(
        await t.dataSource.query(`SELECT 1 FROM recovery_codes WHERE "userId" = $1`, [user.id]),
      ).toEqual([]);
    });

    it('refuses anonymous callers', async () => {
      expect(codeOf(await t.gql(DISABLE, { password: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('resetUserTotp', () => {
    it.each([
      ['secretariat', 'FORBIDDEN'],
      ['headA', 'FORBIDDEN'],
      ['delegateA', 'FORBIDDEN'],
      ['observerA', 'FORBIDDEN'],
      ['outsider', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ] as const)('%s may not reset a second factor: %s', async (who, code) => {
      const target = await createUser(t);
      await enrolTotp(t, target);
      const res = await t.gql(RESET, { id: target.id }, who === 'anonymous' ? null : w[who].token);
      expect(codeOf(res)).toBe(code);
      expect((await t.gql(ME, {}, target.token)).data!.me.mfaEnabled).toBe(true);
    });

    it('an admin resets another user’s second factor: audited, their sessions end, they log in with the password', async () => {
      const target = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
      await enrolTotp(t, target);
      const res = await t.gql(RESET, { id: target.id }, w.admin.token);
      expect(res.data!.resetUserTotp).toEqual({ id: target.id, mfaEnabled: false });
      expect((await t.gql(ME, {}, target.token)).data!.me).toBeNull();
      expect((await login(target)).errors).toBeUndefined();
      const rows = await t.dataSource.query(
        `SELECT "actorId", details FROM audit_events WHERE action = 'user.totpReset' AND "entityId" = $1`,
        [target.id],
      );
      expect(rows).toEqual([{ actorId: w.admin.id, details: { wasOn: true, sessionsEnded: 1 } }]);
    });

    it('not for the admin’s own account, and NOT_FOUND on userId for an unknown user', async () => {
      expect(codeOf(await t.gql(RESET, { id: w.admin.id }, w.admin.token))).toBe('FORBIDDEN');
      const unknown = await t.gql(
        RESET,
        { id: '00000000-0000-4000-8000-000000000000' },
        w.admin.token,
      );
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    });
  });

  it('User has language "en" by default and lastLoginAt once logged in', async () => {
    const user = await createUser(t);
    expect((await t.gql(ME, {}, user.token)).data!.me).toMatchObject({
      language: 'en',
      lastLoginAt: null,
    });
    const token = (await login(user)).data!.login.accessToken;
    expect((await t.gql(ME, {}, token)).data!.me.lastLoginAt).toBeTruthy();
  });
});
