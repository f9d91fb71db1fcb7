import { ConfigError, PlatformRole } from '@accord/common';
import { LOGIN_LIMITS, LoginRateLimiter, UsersService } from '@accord/auth';
import { createTestApp, TestApp } from '../support/test-app';
import {
  createUser,
  createWorld,
  TEST_PASSWORD,
  World,
  ACCOUNT_KINDS,
  AccountKind,
  freshUser as freshUserOf,
} from '../support/factories';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const ISSUE = `mutation($id: ID!) { issuePasswordReset(userId: $id) { token expiresAt } }`;
const RESET = `mutation($token: String!, $next: String!) { resetPassword(token: $token, newPassword: $next) }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`;

const STRONG = 'velvet-orchard-compass-1987';
const STRONGER = 'granite lighthouse whispers softly';

describe('passwords (changePassword, reset tickets, policy)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const freshUser = (role: AccountKind) => freshUserOf(t, w, role);
  const login = async (email: string, password: string) =>
    (await t.gql(LOGIN, { email, password })).data?.login?.accessToken as string | undefined;
  const issue = async (userId: string, token: string) => {
    const res = await t.gql(ISSUE, { id: userId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.issuePasswordReset as { token: string; expiresAt: string };
  };
  const auditActions = async (userId: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT action FROM audit_events WHERE "entityId" = $1 ORDER BY id`,
        [userId],
      )
    ).map((r: { action: string }) => r.action);

  describe('changePassword', () => {
    it.each(ACCOUNT_KINDS)(
      '%s changes their own password: the old one stops working, the new one works, audited',
      async (role) => {
        const user = await freshUser(role);
        const res = await t.gql(CHANGE, { current: TEST_PASSWORD, next: STRONG }, user.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.changePassword).toBe(true);
        expect(await login(user.email, TEST_PASSWORD)).toBeUndefined();
        expect(await login(user.email, STRONG)).toBeDefined();
        expect(await auditActions(user.id)).toContain('user.passwordChanged');
      },
    );

    it('ends every other session of the user, and keeps the one that changed it', async () => {
      const user = await createUser(t);
      const other = await t.tokenFor(user.id);
      const bystander = await createUser(t);
      const ME = '{ me { id } }';
      expect((await t.gql(ME, {}, other)).data!.me).toEqual({ id: user.id });
      await t.gql(CHANGE, { current: TEST_PASSWORD, next: STRONG }, user.token);
      expect((await t.gql(ME, {}, user.token)).data!.me).toEqual({ id: user.id });
      expect((await t.gql(ME, {}, other)).data!.me).toBeNull();
      expect((await t.gql('{ mySessions { id } }', {}, other)).errors![0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await t.gql(ME, {}, bystander.token)).data!.me).toEqual({ id: bystander.id });
    });

    it('refuses anonymous callers', async () => {
      const res = await t.gql(CHANGE, { current: TEST_PASSWORD, next: STRONG });
      expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a wrong current password on currentPassword, and changes nothing', async () => {
      const user = await createUser(t);
      const res = await t.gql(
        CHANGE,
        { current: 'not my password at all', next: STRONG },
        user.token,
      );
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'currentPassword',
      });
      expect(await login(user.email, TEST_PASSWORD)).toBeDefined();
      expect(await auditActions(user.id)).not.toContain('user.passwordChanged');
    });

    it('counts wrong current passwords like failed logins: RATE_LIMITED past the free attempts', async () => {
      const user = await createUser(t);
      const limiter = t.get(LoginRateLimiter);
      limiter.limits = { ...LOGIN_LIMITS, firstDelaySeconds: 300 };
      try {
        for (let i = 0; i < LOGIN_LIMITS.freeAttemptsPerAccount; i++) {
          const res = await t.gql(
            CHANGE,
            { current: `wrong guess ${i}`, next: STRONG },
            user.token,
          );
          expect(res.errors![0].extensions.field).toBe('currentPassword');
        }
        const blocked = await t.gql(CHANGE, { current: TEST_PASSWORD, next: STRONG }, user.token);
        expect(blocked.errors![0].extensions.code).toBe('RATE_LIMITED');
      } finally {
        limiter.limits = { ...LOGIN_LIMITS };
      }
    });

    it.each([
      ['too short', 'kV9#qZ2!mW7', /at least 12 characters/],
      ['common', '123456789012', /commonly used/],
      ['weak', 'passwordpassword', /too easy to guess/],
      ['whitespace only', '              ', /only spaces/],
      ['too long', 'x7!'.repeat(90), /at most 256/],
      ['containing the email', 'EMAIL-kite-violin', /email address/],
      ['containing the name', 'NAME rides the tram', /name of the account/],
    ])('refuses a %s new password on newPassword, saying why', async (_why, password, reason) => {
      const user = await createUser(t, { displayName: 'Rosalind Quartermaine' });
      const next = password
        .replace('EMAIL', user.email.split('@')[0])
        .replace('NAME', 'Quartermaine');
      const res = await t.gql(CHANGE, { current: TEST_PASSWORD, next }, user.token);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
      });
      expect(res.errors![0].message).toMatch(reason);
      expect(await login(user.email, TEST_PASSWORD)).toBeDefined();
    });
  });

  describe('createUser', () => {
    let counter = 0;
    const input = (overrides: Record<string, unknown> = {}) => ({
      email: `account-${++counter}@test.example`,
      displayName: 'Wilhelmina Fairweather',
      ...overrides,
    });

    it('applies the password policy on password', async () => {
      for (const password of ['123456789012', 'wilhelmina-123456', '   \t   \t   \t ']) {
        const res = await t.gql(CREATE, { input: input({ password }) }, w.secretariat.token);
        expect(res.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'password',
        });
      }
    });

    it('creates a user without a password, who cannot log in until they set one with a ticket', async () => {
      const created = await t.gql(CREATE, { input: input() }, w.secretariat.token);
      expect(created.errors).toBeUndefined();
      const { id, email } = created.data!.createUser;
      expect(await login(email, '')).toBeUndefined();
      const ticket = await issue(id, w.secretariat.token);
      expect((await t.gql(RESET, { token: ticket.token, next: STRONG })).data!.resetPassword).toBe(
        true,
      );
      expect(await login(email, STRONG)).toBeDefined();
    });
  });

  describe('issuePasswordReset', () => {
    it.each([
      ['admin', 'NONE', null],
      ['admin', 'SECRETARIAT', null],
      ['admin', 'ADMIN', null],
      ['secretariat', 'NONE', null],
      ['secretariat', 'SECRETARIAT', 'FORBIDDEN'],
      ['secretariat', 'ADMIN', 'FORBIDDEN'],
      ['headA', 'NONE', 'FORBIDDEN'],
      ['delegateA', 'NONE', 'FORBIDDEN'],
      ['observerA', 'NONE', 'FORBIDDEN'],
      ['outsider', 'NONE', 'FORBIDDEN'],
      ['anonymous', 'NONE', 'UNAUTHENTICATED'],
    ] as const)('%s for a %s user: %s', async (who, platformRole, code) => {
      const target = await createUser(t, { platformRole: PlatformRole[platformRole] });
      const token = who === 'anonymous' ? null : w[who].token;
      const res = await t.gql(ISSUE, { id: target.id }, token);
      if (code) {
        expect(res.errors![0].extensions.code).toBe(code);
        expect(await auditActions(target.id)).not.toContain('user.passwordResetIssued');
        return;
      }
      const { token: ticket, expiresAt } = res.data!.issuePasswordReset;
      expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
      expect(await auditActions(target.id)).toContain('user.passwordResetIssued');
    });

    it('lets the secretariat set up a delegation member', async () => {
      const ticket = await issue(w.delegateB.id, w.secretariat.token);
      expect(ticket.token).toBeTruthy();
    });

    it('stores only the SHA-256 of the token', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.admin.token);
      const rows = await t.dataSource.query(
        `SELECT "tokenHash" FROM password_reset_tickets WHERE "userId" = $1`,
        [target.id],
      );
      const { createHash } = await import('node:crypto');
      expect(rows).toEqual([{ tokenHash: createHash('sha256').update(token).digest('hex') }]);
      const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM password_reset_tickets`));
      expect(dump).not.toContain(token);
      expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_events`))).not.toContain(
        token,
      );
    });

    it('answers NOT_FOUND on userId for an unknown user, and INVALID_STATE for a disabled one', async () => {
      const unknown = await t.gql(
        ISSUE,
        { id: '00000000-0000-4000-8000-000000000000' },
        w.admin.token,
      );
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
      const target = await createUser(t);
      await t.get(UsersService).setDisabled(w.admin.actor, target.id, true);
      const disabled = await t.gql(ISSUE, { id: target.id }, w.admin.token);
      expect(disabled.errors![0].extensions.code).toBe('INVALID_STATE');
    });
  });

  describe('resetPassword', () => {
    const badTicket = (res: Awaited<ReturnType<TestApp['gql']>>) => {
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
      expect(res.data).toBeNull();
    };

    it('sets the password once: the ticket is single-use, audited as issued then used', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.secretariat.token);
      expect((await t.gql(RESET, { token, next: STRONG })).data!.resetPassword).toBe(true);
      expect(await login(target.email, STRONG)).toBeDefined();
      expect(await login(target.email, TEST_PASSWORD)).toBeUndefined();
      badTicket(await t.gql(RESET, { token, next: STRONGER }));
      expect(await login(target.email, STRONG)).toBeDefined();
      expect(await auditActions(target.id)).toEqual(
        expect.arrayContaining(['user.passwordResetIssued', 'user.passwordReset']),
      );
    });

    it('ends every session of the user', async () => {
      const target = await createUser(t);
      const second = await t.tokenFor(target.id);
      const { token } = await issue(target.id, w.admin.token);
      await t.gql(RESET, { token, next: STRONG });
      for (const session of [target.token, second])
        expect((await t.gql('{ me { id } }', {}, session)).data!.me).toBeNull();
      expect(await login(target.email, STRONG)).toBeDefined();
    });

    it('refuses an expired ticket', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.admin.token);
      await t.dataSource.query(
        `UPDATE password_reset_tickets SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`,
        [target.id],
      );
      badTicket(await t.gql(RESET, { token, next: STRONG }));
      expect(await login(target.email, TEST_PASSWORD)).toBeDefined();
    });

    it.each([
      ['a forged token of the right shape', 'A'.repeat(43)],
      ['a token of the wrong shape', 'not-a-ticket'],
      ['an empty token', ''],
      ['an access token', 'ACCESS'],
    ])('refuses %s', async (_why, forged) => {
      const user = await createUser(t);
      const token = forged === 'ACCESS' ? user.token : forged;
      badTicket(await t.gql(RESET, { token, next: STRONG }));
    });

    it('refuses a ticket for another account when the caller is signed in, and keeps it usable', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.admin.token);
      badTicket(await t.gql(RESET, { token, next: STRONG }, w.delegateA.token));
      badTicket(await t.gql(RESET, { token, next: STRONG }, w.secretariat.token));
      expect((await t.gql(RESET, { token, next: STRONG }, target.token)).data!.resetPassword).toBe(
        true,
      );
    });

    it('voids older tickets when a newer one is issued', async () => {
      const target = await createUser(t);
      const first = await issue(target.id, w.secretariat.token);
      const second = await issue(target.id, w.admin.token);
      badTicket(await t.gql(RESET, { token: first.token, next: STRONG }));
      expect((await t.gql(RESET, { token: second.token, next: STRONG })).data!.resetPassword).toBe(
        true,
      );
    });

    it('voids open tickets when the user changes their password', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.secretariat.token);
      await t.gql(CHANGE, { current: TEST_PASSWORD, next: STRONGER }, target.token);
      badTicket(await t.gql(RESET, { token, next: STRONG }));
    });

    it('refuses a ticket of a user disabled since it was issued', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.admin.token);
      await t.get(UsersService).setDisabled(w.admin.actor, target.id, true);
      badTicket(await t.gql(RESET, { token, next: STRONG }));
    });

    it('refuses a weak new password on newPassword without using the ticket up', async () => {
      const target = await createUser(t, { displayName: 'Bartholomew Oyelaran' });
      const { token } = await issue(target.id, w.admin.token);
      for (const next of ['short', '111111111111', 'oyelaran-and-friends', '             ']) {
        const res = await t.gql(RESET, { token, next });
        expect(res.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'newPassword',
        });
      }
      expect((await t.gql(RESET, { token, next: STRONG })).data!.resetPassword).toBe(true);
    });

    it('uses a ticket once even when two requests race', async () => {
      const target = await createUser(t);
      const { token } = await issue(target.id, w.admin.token);
      const results = await Promise.all([
        t.gql(RESET, { token, next: STRONG }),
        t.gql(RESET, { token, next: STRONGER }),
      ]);
      expect(results.filter((r) => r.data?.resetPassword === true)).toHaveLength(1);
      expect(
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.passwordReset' AND "entityId" = $1`,
            [target.id],
          )
        )[0].n,
      ).toBe(1);
    });
  });

  describe('ADMIN_PASSWORD at start', () => {
    it('stops the start, naming ADMIN_PASSWORD, when the policy refuses it', async () => {
      const users = t.get(UsersService);
      await expect(users.ensureAdmin('root@test.example', '123456789012')).rejects.toThrow(
        ConfigError,
      );
      await expect(
        users.ensureAdmin('root@test.example', 'root@test.example-long-enough'),
      ).rejects.toThrow(/ADMIN_PASSWORD must not contain the email address/);
      expect(await users.findByEmail('root@test.example')).toBeNull();
      expect(await users.ensureAdmin('root@test.example', STRONG)).toBe(true);
    });
  });
});
