import { JwtService } from '@nestjs/jwt';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email displayName platformRole } }`;
const SET_ROLE = `mutation($id: ID!, $role: PlatformRole!) { setPlatformRole(userId: $id, platformRole: $role) { platformRole } }`;
const DISABLE = `mutation($id: ID!, $disabled: Boolean!) { setUserDisabled(userId: $id, disabled: $disabled) { disabledAt } }`;

let counter = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  email: `new-${++counter}@test.example`,
  displayName: 'New User',
  password: 'a long enough password',
  ...overrides,
});

describe('users', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  describe('createUser', () => {
    it.each([
      ['admin', 'ADMIN', null],
      ['admin', 'SECRETARIAT', null],
      ['admin', 'NONE', null],
      ['secretariat', 'NONE', null],
      ['secretariat', 'SECRETARIAT', 'FORBIDDEN'],
      ['secretariat', 'ADMIN', 'FORBIDDEN'],
      ['headA', 'NONE', 'FORBIDDEN'],
      ['delegateA', 'NONE', 'FORBIDDEN'],
      ['observerA', 'NONE', 'FORBIDDEN'],
      ['outsider', 'NONE', 'FORBIDDEN'],
    ] as const)('%s creating a %s user: %s', async (who, platformRole, code) => {
      const res = await t.gql(CREATE, { input: input({ platformRole }) }, w[who].token);
      if (code) expect(res.errors![0].extensions.code).toBe(code);
      else expect(res.data!.createUser.platformRole).toBe(platformRole);
    });

    it('defaults to no platform role, and refuses anonymous callers', async () => {
      const res = await t.gql(CREATE, { input: input() }, w.secretariat.token);
      expect(res.data!.createUser.platformRole).toBe('NONE');
      expect((await t.gql(CREATE, { input: input() })).errors![0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('treats emails case-insensitively: a second account in another case is a CONFLICT on email', async () => {
      await t.gql(CREATE, { input: input({ email: 'Case@Test.Example' }) }, w.secretariat.token);
      const dup = await t.gql(
        CREATE,
        { input: input({ email: 'CASE@test.example' }) },
        w.secretariat.token,
      );
      expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    });

    it.each([
      [{ password: 'short pass' }, 'password'],
      [{ email: 'not-an-email' }, 'email'],
      [{ displayName: '' }, 'displayName'],
      [{ email: `${'x'.repeat(300)}@test.example` }, 'email'],
    ])('refuses bad input %#, naming the field, and creates nothing', async (overrides, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
      const res = await t.gql(CREATE, { input: input(overrides) }, w.admin.token);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
    });
  });

  it('lists users for the secretariat, ordered by email and paged, and not for others', async () => {
    const page = await t.gql('{ users(first: 3) { email } }', {}, w.secretariat.token);
    const emails = page.data!.users.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort());
    const next = await t.gql(
      'query($after: String) { users(first: 3, after: $after) { email } }',
      { after: emails[2] },
      w.secretariat.token,
    );
    expect(next.data!.users[0].email > emails[2]).toBe(true);
    expect((await t.gql('{ users { id } }', {}, w.headA.token)).errors![0].extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('lets only an admin change a platform role, which ends the user’s sessions', async () => {
    const target = (await t.gql(CREATE, { input: input() }, w.admin.token)).data!.createUser;
    const token = await t.tokenFor(target.id);
    expect((await t.gql('{ users { id } }', {}, token)).errors![0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await t.gql(SET_ROLE, { id: target.id, role: 'SECRETARIAT' }, w.secretariat.token))
        .errors![0].extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(SET_ROLE, { id: target.id, role: 'SECRETARIAT' }, w.admin.token)).data!
        .setPlatformRole.platformRole,
    ).toBe('SECRETARIAT');
    // The change ends their sessions: they sign in again and get the new rights.
    expect((await t.gql('{ users { id } }', {}, token)).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const fresh = await t.tokenFor(target.id);
    expect((await t.gql('{ users { id } }', {}, fresh)).errors).toBeUndefined();
  });

  it('does not let an admin disable or demote themself, and NOT_FOUND for an unknown user', async () => {
    expect(
      (await t.gql(DISABLE, { id: w.admin.id, disabled: true }, w.admin.token)).errors![0]
        .extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(SET_ROLE, { id: w.admin.id, role: 'NONE' }, w.admin.token)).errors![0].extensions
        .code,
    ).toBe('FORBIDDEN');
    const unknown = await t.gql(
      DISABLE,
      { id: '00000000-0000-4000-8000-000000000000', disabled: true },
      w.admin.token,
    );
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
  });

  it('re-enables a disabled user', async () => {
    const target = (await t.gql(CREATE, { input: input() }, w.admin.token)).data!.createUser;
    await t.gql(DISABLE, { id: target.id, disabled: true }, w.admin.token);
    const login = { email: target.email, password: 'a long enough password' };
    const LOGIN =
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
    expect((await t.gql(LOGIN, login)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    await t.gql(DISABLE, { id: target.id, disabled: false }, w.admin.token);
    expect((await t.gql(LOGIN, login)).data!.login.accessToken).toBeTruthy();
  });

  it('refuses an expired token', async () => {
    const jwt = t.get(JwtService);
    const { sid } = jwt.decode<{ sid: string }>(w.secretariat.token);
    const expired = jwt.sign({ sub: w.secretariat.id, sid }, { expiresIn: -10 });
    const res = await t.gql('{ users { id } }', {}, expired);
    expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ me { id } }', {}, expired)).data!.me).toBeNull();
  });
});
