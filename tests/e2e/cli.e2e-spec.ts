import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { accord, STACK_LINE, ticketIn } from '../support/cli';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { urlWithDatabase } from '../support/test-server';

jest.setTimeout(600_000);

const PASSWORD = 'violet tractors sing 42 old ballads';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An empty database (no tables) owned by the app's role, as an operator would create one. */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_test_cli_${randomBytes(5).toString('hex')}`;
  const admin = process.env.ACCORD_TEST_ADMIN_URL!;
  const owner = process.env.ACCORD_TEST_DB_OWNER;
  await sql(admin, `CREATE DATABASE "${name}"${owner ? ` OWNER "${owner}"` : ''}`);
  return {
    url: urlWithDatabase(process.env.ACCORD_TEST_APP_URL || admin, name),
    drop: () => sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

describe('npm run accord (operator tasks)', () => {
  let t: TestApp;
  let dir: string;
  /** The CLI on the API's database, with the API's secret (it derives the checkpoint key). */
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
    env = { DATABASE_URL: t.databaseUrl, JWT_SECRET: TEST_JWT_SECRET };
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      [],
      /create-user[\s\S]*reset-password[\s\S]*seed-demo[\s\S]*verify-audit[\s\S]*backup[\s\S]*restore[\s\S]*migrate/,
    ],
    [['create-user'], /--email <email>[\s\S]*--password-stdin[\s\S]*DATABASE_URL/],
    [['reset-password'], /--email <email>/],
    [['seed-demo'], /demo data/],
    [['verify-audit'], /Exit code 0: intact; 2: tampered/],
    [['backup'], /<file>/],
    [['restore'], /<file>/],
    [['migrate'], /run[\s\S]*revert[\s\S]*check[\s\S]*generate <name>/],
    [['migrate', 'check'], /entities and migrations disagree/],
  ])('%j --help describes the task', async (args, expected) => {
    const run = await accord([...args, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(expected);
  });

  it('create-user makes a user who logs in through the API, audited as the system via "cli"', async () => {
    const email = `op-${randomBytes(3).toString('hex')}@example.org`;
    const run = await accord(
      [
        'create-user',
        '--email',
        email,
        '--name',
        'Operator Made',
        '--role',
        'SECRETARIAT',
        '--password-stdin',
      ],
      { env, input: `${PASSWORD}\n` },
    );
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(`Created SECRETARIAT user ${email}`);

    const login = await t.gql(LOGIN, { email, password: PASSWORD });
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.accessToken).toEqual(expect.any(String));

    const [event] = await sql<{ actorId: string | null; details: Record<string, unknown> }>(
      t.databaseUrl,
      `SELECT e."actorId", e.details FROM audit_events e JOIN users u ON u.id::text = e."entityId"
        WHERE e.action = 'user.created' AND u.email = $1`,
      [email],
    );
    expect(event).toEqual({
      actorId: null,
      details: expect.objectContaining({
        via: 'cli',
        platformRole: 'SECRETARIAT',
        passwordSet: true,
      }),
    });
  });

  it('create-user applies the password policy and the input rules: exit 1, the field named, no stack', async () => {
    const weak = await accord(
      ['create-user', '--email', 'weak@example.org', '--name', 'Weak', '--password-stdin'],
      { env, input: 'password1234\n' },
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^accord: .*\(field: password\)$/m);
    const badRole = await accord(
      ['create-user', '--email', 'role@example.org', '--name', 'Role', '--role', 'KING'],
      { env },
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/platformRole must be one of/);
    for (const run of [weak, badRole]) expect(run.stderr).not.toMatch(STACK_LINE);
    const [{ n }] = await sql<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM users WHERE email IN ('weak@example.org', 'role@example.org')`,
    );
    expect(n).toBe(0);
  });

  it('reset-password prints a ticket that sets a new password through the API', async () => {
    const email = `reset-${randomBytes(3).toString('hex')}@example.org`;
    const created = await accord(['create-user', '--email', email, '--name', 'To Reset'], { env });
    // Without a password the new user gets a ticket at once.
    expect(created.code).toBe(0);
    ticketIn(created.stdout);

    const run = await accord(['reset-password', '--email', email.toUpperCase()], { env });
    expect(run.code).toBe(0);
    const token = ticketIn(run.stdout);
    const newPassword = 'quiet lanterns drift over 9 harbours';
    const reset = await t.gql(
      'mutation($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }',
      { token, newPassword },
    );
    expect(reset.errors).toBeUndefined();
    const login = await t.gql(LOGIN, { email, password: newPassword });
    expect(login.data?.login.accessToken).toEqual(expect.any(String));

    const unknown = await accord(['reset-password', '--email', 'nobody@example.org'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user has the email nobody@example.org/);
  });

  it('verify-audit exits 0 on an intact chain and 2 once an event is tampered with', async () => {
    const intact = await accord(['verify-audit'], { env });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit chain intact: \d+ events/);

    // What a superuser can do: switch the append-only triggers off for one session.
    const superuser = urlWithDatabase(
      process.env.ACCORD_TEST_ADMIN_URL!,
      new URL(t.databaseUrl).pathname.slice(1),
    );
    const client = new Client({ connectionString: superuser });
    await client.connect();
    await client.query('SET session_replication_role = replica');
    await client.query(
      `UPDATE audit_events SET details = '{"rewritten": true}' WHERE id = (SELECT min(id) FROM audit_events)`,
    );
    await client.end();

    const broken = await accord(['verify-audit'], { env });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Audit chain BROKEN \(CHAIN_BROKEN\)/);
  });

  it('seed-demo loads the demo data into an empty database and prints the logins', async () => {
    const db = await emptyDatabase();
    try {
      const run = await accord(['seed-demo'], {
        env: { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET },
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/secretariat@accord\.example\s+\/\s+\S+/);
      const [row] = await sql<{ documents: number; signatures: number }>(
        db.url,
        'SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM signatures) AS signatures',
      );
      expect(row.documents).toBeGreaterThan(0);
      expect(row.signatures).toBeGreaterThan(0);

      const exposed = await accord(['seed-demo'], {
        env: { DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET, HOST: '0.0.0.0' },
      });
      expect(exposed.code).toBe(1);
      expect(exposed.stderr).toMatch(/Refusing to seed demo data .* HOST=0\.0\.0\.0/);
    } finally {
      await db.drop();
    }
  });

  it('backup then restore into an empty database; a second restore there is refused', async () => {
    const file = join(dir, 'cli.backup');
    const backup = await accord(['backup', file], { env: { DATABASE_URL: t.databaseUrl } });
    expect(backup.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const target = await emptyDatabase();
    try {
      const restore = await accord(['restore', file], { env: { DATABASE_URL: target.url } });
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/^Restored \d+ tables/m);
      const count = (url: string) =>
        sql<{ n: number }>(url, 'SELECT count(*)::int AS n FROM users');
      expect(await count(target.url)).toEqual(await count(t.databaseUrl));

      const again = await accord(['restore', file], { env: { DATABASE_URL: target.url } });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/not empty/);
      expect(again.stderr).not.toMatch(STACK_LINE);
    } finally {
      await target.drop();
    }
  });

  it('migrate check passes on this code (on a scratch database of the server)', async () => {
    const database = new URL(t.databaseUrl).pathname.slice(1);
    const run = await accord(['migrate', 'check'], {
      // Making the scratch database takes the server's administrator.
      env: { DATABASE_URL: urlWithDatabase(process.env.ACCORD_TEST_ADMIN_URL!, database) },
    });
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Migrations match the entities, and revert cleanly/);
  });

  it('reads .env (ENV_FILE) as the API does, and names a bad variable there', async () => {
    const good = join(dir, 'good.env');
    writeFileSync(good, `DATABASE_URL=${t.databaseUrl}\nJWT_SECRET="${TEST_JWT_SECRET}"\n`);
    const run = await accord(['verify-audit'], { env: { ENV_FILE: good } });
    // The chain was tampered with above: the task ran on the database named in the file.
    expect(run.stderr).toMatch(/Audit chain BROKEN/);

    const bad = join(dir, 'bad.env');
    writeFileSync(bad, `DATABASE_URL=${t.databaseUrl}\nRATE_LIMIT_PER_MINUTE=lots\n`);
    const refused = await accord(['verify-audit'], { env: { ENV_FILE: bad } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Invalid configuration: RATE_LIMIT_PER_MINUTE must be an integer/,
    );
    expect(refused.stderr).not.toMatch(STACK_LINE);

    // The real environment wins over the file.
    const overridden = await accord(['verify-audit'], {
      env: { ENV_FILE: bad, RATE_LIMIT_PER_MINUTE: '0' },
    });
    expect(overridden.stderr).toMatch(/Invalid configuration: RATE_LIMIT_PER_MINUTE .*got "0"/);
  });
});
