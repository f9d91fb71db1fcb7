import { JwtService } from '@nestjs/jwt';
import { Logger } from '@nestjs/common';
import { PlatformRole } from '@accord/common';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { countQueries } from '../support/count-queries';
import { createUser, TEST_PASSWORD, TestUser } from '../support/factories';

jest.setTimeout(180_000);

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken refreshToken accessTokenExpiresAt user { id }
  }
}`;
const REFRESH = `mutation($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken accessTokenExpiresAt user { id } }
}`;
const MY_SESSIONS = `{ mySessions { id createdAt lastUsedAt expiresAt userAgent ipAddress current } }`;
const REVOKE = `mutation($id: ID!) { revokeSession(id: $id) }`;
const LOGOUT = `mutation { logout }`;
const ME = `{ me { id } }`;
const PROTECTED = `{ mySessions { id } }`;

interface Tokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

const code = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code ?? 'OK';

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
  });
  afterAll(() => t.close());

  async function login(user: TestUser): Promise<Tokens> {
    const res = await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(res.errors).toBeUndefined();
    return res.data!.login as Tokens;
  }

  const auditActions = async (entityId: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT action FROM audit_events WHERE "entityId" = $1 ORDER BY id`,
        [entityId],
      )
    ).map((r: { action: string }) => r.action);

  it('login answers a 15-minute access token and a refresh token stored only as its SHA-256', async () => {
    const user = await createUser(t);
    const before = Date.now();
    const tokens = await login(user);
    const after = Date.now();
    const expiresAt = new Date(tokens.accessTokenExpiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(after + 15 * 60_000 + 1000);
    const claims = t
      .get(JwtService)
      .decode<{ sub: string; sid: string; exp: number }>(tokens.accessToken);
    expect(claims.sub).toBe(user.id);
    const [row] = await t.dataSource.query(
      `SELECT s.*, to_jsonb(s)::text AS everything FROM sessions s WHERE id = $1`,
      [claims.sid],
    );
    expect(row.refreshTokenHash).toBe(
      createHash('sha256').update(tokens.refreshToken).digest('hex'),
    );
    expect(row.everything).not.toContain(tokens.refreshToken.split('.')[1]);
    const days = (new Date(row.expiresAt).getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThan(14.1);
    expect((await t.gql(ME, {}, tokens.accessToken)).data!.me.id).toBe(user.id);
  });

  it('mySessions lists my live sessions with the current one marked, and nobody else’s', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const first = await login(user);
    const second = await login(user);
    await login(other);
    const res = await t.gql(MY_SESSIONS, {}, second.accessToken);
    expect(res.errors).toBeUndefined();
    const sessions = res.data!.mySessions as { id: string; current: boolean; ipAddress: string }[];
    // createUser opened one session too (its token).
    expect(sessions).toHaveLength(3);
    const sid = (token: string) => t.get(JwtService).decode<{ sid: string }>(token).sid;
    expect(sessions.find((s) => s.current)!.id).toBe(sid(second.accessToken));
    expect(sessions.map((s) => s.id)).toContain(sid(first.accessToken));
    expect(sessions.find((s) => s.current)).toMatchObject({ ipAddress: '127.0.0.1' });
    expect(code(await t.gql(MY_SESSIONS))).toBe('UNAUTHENTICATED');
  });

  it('refreshSession rotates the refresh token; the new tokens work', async () => {
    const user = await createUser(t);
    const tokens = await login(user);
    const res = await t.gql(REFRESH, { token: tokens.refreshToken });
    expect(res.errors).toBeUndefined();
    const next = res.data!.refreshSession as Tokens;
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect((await t.gql(ME, {}, next.accessToken)).data!.me.id).toBe(user.id);
    const again = await t.gql(REFRESH, { token: next.refreshToken });
    expect(code(again)).toBe('OK');
  });

  it('a refresh token presented twice ends the whole session, audited', async () => {
    const user = await createUser(t);
    const stolen = await login(user);
    const owner = (await t.gql(REFRESH, { token: stolen.refreshToken })).data!
      .refreshSession as Tokens;
    const replay = await t.gql(REFRESH, { token: stolen.refreshToken });
    expect(code(replay)).toBe('UNAUTHENTICATED');
    // Both the owner's rotated tokens and every access token of the session are now dead.
    expect(code(await t.gql(REFRESH, { token: owner.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PROTECTED, {}, owner.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PROTECTED, {}, stolen.accessToken))).toBe('UNAUTHENTICATED');
    const sid = t.get(JwtService).decode<{ sid: string }>(stolen.accessToken).sid;
    expect(await auditActions(sid)).toContain('session.refreshTokenReused');
    const [row] = await t.dataSource.query(`SELECT "revokedReason" FROM sessions WHERE id = $1`, [
      sid,
    ]);
    expect(row.revokedReason).toBe('refresh-token-reused');
  });

  it('refuses malformed, forged, expired and ended refresh tokens; a forged one does not end the session', async () => {
    const user = await createUser(t);
    const tokens = await login(user);
    const [sid] = tokens.refreshToken.split('.');
    for (const bad of [
      '',
      'not-a-token',
      `${sid}.${'A'.repeat(43)}`, // right session, wrong secret
      `${randomUUID()}.${tokens.refreshToken.split('.')[1]}`, // right secret, foreign session
      tokens.refreshToken + 'x',
      'x'.repeat(201),
    ]) {
      const res = await t.gql(REFRESH, { token: bad });
      expect(['UNAUTHENTICATED', 'BAD_USER_INPUT']).toContain(code(res));
      expect(res.data).toBeNull();
    }
    // Guessing cannot end someone's session: the real token still refreshes.
    const ok = await t.gql(REFRESH, { token: tokens.refreshToken });
    expect(code(ok)).toBe('OK');
    const next = ok.data!.refreshSession as Tokens;
    await t.dataSource.query(
      `UPDATE sessions SET "expiresAt" = now() - interval '1 second' WHERE id = $1`,
      [sid],
    );
    expect(code(await t.gql(REFRESH, { token: next.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PROTECTED, {}, next.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('logout ends the current session only: its tokens are refused on the next request, audited', async () => {
    const user = await createUser(t);
    const laptop = await login(user);
    const phone = await login(user);
    expect((await t.gql(LOGOUT, {}, laptop.accessToken)).data!.logout).toBe(true);
    expect(code(await t.gql(PROTECTED, {}, laptop.accessToken))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, laptop.accessToken)).data!.me).toBeNull();
    expect(code(await t.gql(REFRESH, { token: laptop.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PROTECTED, {}, phone.accessToken))).toBe('OK');
    const sid = t.get(JwtService).decode<{ sid: string }>(laptop.accessToken).sid;
    expect(await auditActions(sid)).toEqual(['session.loggedOut']);
    expect(code(await t.gql(LOGOUT))).toBe('UNAUTHENTICATED');
  });

  it('revokeSession ends one of mine; another user’s session or an unknown id is NOT_FOUND', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const stolenLaptop = await login(user);
    const phone = await login(user);
    const otherTokens = await login(other);
    const sid = (token: string) => t.get(JwtService).decode<{ sid: string }>(token).sid;

    const foreign = await t.gql(REVOKE, { id: sid(otherTokens.accessToken) }, phone.accessToken);
    expect(foreign.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(code(await t.gql(PROTECTED, {}, otherTokens.accessToken))).toBe('OK');
    expect(code(await t.gql(REVOKE, { id: randomUUID() }, phone.accessToken))).toBe('NOT_FOUND');
    // Malformed ids never reach the database: the input check names the argument.
    for (const id of ['not-a-uuid', '-'.repeat(36)])
      expect(code(await t.gql(REVOKE, { id }, phone.accessToken))).toBe('BAD_USER_INPUT');

    const res = await t.gql(REVOKE, { id: sid(stolenLaptop.accessToken) }, phone.accessToken);
    expect(res.data!.revokeSession).toBe(true);
    expect(code(await t.gql(PROTECTED, {}, stolenLaptop.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(REFRESH, { token: stolenLaptop.refreshToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(code(await t.gql(PROTECTED, {}, phone.accessToken))).toBe('OK');
    expect(await auditActions(sid(stolenLaptop.accessToken))).toEqual(['session.revoked']);
    // Already ended: nothing left to revoke.
    expect(
      code(await t.gql(REVOKE, { id: sid(stolenLaptop.accessToken) }, phone.accessToken)),
    ).toBe('NOT_FOUND');
    expect(code(await t.gql(REVOKE, { id: sid(phone.accessToken) }))).toBe('UNAUTHENTICATED');
  });

  it('refuses forged access tokens: expired, wrong secret, alg none, no exp, no sid, foreign sid, another user’s sid', async () => {
    const user = await createUser(t);
    const victim = await createUser(t);
    const jwt = t.get(JwtService);
    const { sid } = jwt.decode<{ sid: string }>(user.token);
    const { sid: victimSid } = jwt.decode<{ sid: string }>(victim.token);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    // Signed by hand: JwtService would add the configured expiry.
    const hs256 = (payload: object) => {
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
      const signature = createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url');
      return `${unsigned}.${signature}`;
    };
    const forged: Record<string, string> = {
      expired: jwt.sign({ sub: user.id, sid }, { expiresIn: -10 }),
      wrongSecret: jwt.sign(
        { sub: user.id, sid },
        { secret: TEST_JWT_SECRET.replace(/.$/, '!'), expiresIn: 60 },
      ),
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, sid, exp: now + 60 })}.`,
      noExp: hs256({ sub: user.id, sid }),
      noSid: jwt.sign({ sub: user.id }),
      foreignSid: jwt.sign({ sub: user.id, sid: randomUUID() }),
      otherUsersSid: jwt.sign({ sub: user.id, sid: victimSid }),
      victimWithMySid: jwt.sign({ sub: victim.id, sid }),
      hs512: jwt.sign({ sub: user.id, sid }, { algorithm: 'HS512' }),
    };
    // The genuine token works, so does one signed by hand, and each forgery is refused, over HTTP.
    expect(code(await t.gql(PROTECTED, {}, user.token))).toBe('OK');
    expect(code(await t.gql(PROTECTED, {}, hs256({ sub: user.id, sid, exp: now + 60 })))).toBe(
      'OK',
    );
    for (const [name, token] of Object.entries(forged)) {
      const res = await t.gql(PROTECTED, {}, token);
      expect([name, code(res)]).toEqual([name, 'UNAUTHENTICATED']);
      expect([name, (await t.gql(ME, {}, token)).data!.me]).toEqual([name, null]);
    }
  });

  it('checks a token with one SQL statement (session, user, delegation), touching lastUsedAt at most once a minute', async () => {
    const user = await createUser(t);
    const { sid } = t.get(JwtService).decode<{ sid: string }>(user.token);
    const lastUsed = async () =>
      new Date(
        (await t.dataSource.query(`SELECT "lastUsedAt" FROM sessions WHERE id = $1`, [sid]))[0]
          .lastUsedAt,
      ).getTime();
    await t.dataSource.query(
      `UPDATE sessions SET "lastUsedAt" = now() - interval '2 minutes' WHERE id = $1`,
      [sid],
    );
    const stale = await lastUsed();
    // `me` reads nothing beyond the caller: apart from the general rate limit's counter, every
    // statement is the token check.
    const { statements } = await countQueries(() => t.gql(ME, {}, user.token));
    expect(statements.filter((sql) => !/request_rate_limits/.test(sql))).toHaveLength(1);
    const touched = await lastUsed();
    expect(touched).toBeGreaterThan(stale + 60_000);
    await t.gql(ME, {}, user.token);
    expect(await lastUsed()).toBe(touched);
  });

  it('audits a login with the client address, and a failed one without the password, logged at warn', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const user = await createUser(t);
      const secret = 'this is not the password but a secret';
      expect(code(await t.gql(LOGIN, { email: user.email, password: secret }))).toBe(
        'UNAUTHENTICATED',
      );
      await login(user);
      const rows = await t.dataSource.query(
        `SELECT action, "actorId", details FROM audit_events WHERE "entityId" = $1 AND action LIKE 'auth.%' ORDER BY id`,
        [user.id],
      );
      expect(rows.map((r: { action: string }) => r.action)).toEqual([
        'auth.loginFailed',
        'auth.login',
      ]);
      expect(rows[0].details).toMatchObject({ ipAddress: '127.0.0.1', email: user.email });
      expect(rows[1]).toMatchObject({ actorId: user.id, details: { ipAddress: '127.0.0.1' } });
      expect(JSON.stringify(rows)).not.toContain(secret);
      const logged = warn.mock.calls.map((c) => String(c[0]));
      expect(logged.some((m) => m.includes('Login failed') && m.includes(user.email))).toBe(true);
      expect(logged.join('\n')).not.toContain(secret);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('ending sessions when a user is disabled or their role changes', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ jobsWorkers: false });
    admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
  });
  afterAll(() => t.close());

  const DISABLE = `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`;
  const SET_ROLE = `mutation($id: ID!, $role: PlatformRole!) { setPlatformRole(userId: $id, platformRole: $role) { id } }`;

  async function loggedIn(user: TestUser): Promise<Tokens> {
    const res = await t.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    return res.data!.login as Tokens;
  }

  it('disabling a user refuses every token of theirs on the next request, audited', async () => {
    const user = await createUser(t, { platformRole: PlatformRole.SECRETARIAT });
    const other = await loggedIn(user);
    expect(code(await t.gql(PROTECTED, {}, user.token))).toBe('OK');
    expect(code(await t.gql(DISABLE, { id: user.id }, admin.token))).toBe('OK');
    expect(code(await t.gql(PROTECTED, {}, user.token))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(PROTECTED, {}, other.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(REFRESH, { token: other.refreshToken }))).toBe('UNAUTHENTICATED');
    const [event] = await t.dataSource.query(
      `SELECT "actorId", details FROM audit_events WHERE action = 'session.endedAll' AND "entityId" = $1`,
      [user.id],
    );
    expect(event).toMatchObject({ actorId: admin.id, details: { reason: 'user-disabled' } });
    expect(event.details.sessionIds).toHaveLength(2);
    // Re-enabling does not bring the old sessions back.
    await t.gql(
      `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }`,
      { id: user.id },
      admin.token,
    );
    expect(code(await t.gql(PROTECTED, {}, user.token))).toBe('UNAUTHENTICATED');
  });

  it('changing a role ends the user’s sessions: they sign in again with the new rights', async () => {
    const user = await createUser(t);
    const tokens = await loggedIn(user);
    expect(code(await t.gql(SET_ROLE, { id: user.id, role: 'SECRETARIAT' }, admin.token))).toBe(
      'OK',
    );
    expect(code(await t.gql(PROTECTED, {}, tokens.accessToken))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(REFRESH, { token: tokens.refreshToken }))).toBe('UNAUTHENTICATED');
    const fresh = await loggedIn(user);
    expect(code(await t.gql('{ users(first: 1) { id } }', {}, fresh.accessToken))).toBe('OK');
    expect(code(await t.gql(PROTECTED, {}, admin.token))).toBe('OK');
  });
});
