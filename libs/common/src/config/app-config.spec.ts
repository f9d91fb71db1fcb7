import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, isLoopbackHost, loadConfig } from './app-config';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe(loadConfig.name, () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'accord-config-'));

  it('defaults to port 3000, the embedded database, demo data on, and a secret kept in DATA_DIR', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      seedDemo: true,
      logLevel: 'log',
      admin: null,
    });
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('turns demo data off by default with DATABASE_URL, and then requires JWT_SECRET', () => {
    const url = 'postgres://u@localhost:5432/accord';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET })).toMatchObject({
      seedDemo: false,
      databaseUrl: url,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x', JWT_SECRET: SECRET }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url', JWT_SECRET: SECRET }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_TTL: 'forever' }, 'JWT_TTL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_EMAIL'],
    [{ HOST: 'a host; rm -rf /' }, 'HOST'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://ok.example, ftp://files.example' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://app.example/path' }, 'CORS_ORIGINS'],
    [{ GRAPHQL_INTROSPECTION: 'sometimes' }, 'GRAPHQL_INTROSPECTION'],
    [{ TRUST_PROXY: 'perhaps' }, 'TRUST_PROXY'],
    [{ IDE: 'graphiql' }, 'IDE'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: 'lots' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: '-5' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ DB_STATEMENT_TIMEOUT: '2 hours' }, 'DB_STATEMENT_TIMEOUT'],
    [{ DB_STATEMENT_TIMEOUT: '2d' }, 'DB_STATEMENT_TIMEOUT'],
    [{ DB_CONNECT_TIMEOUT: '0' }, 'DB_CONNECT_TIMEOUT'],
    [{ DB_CONNECT_TIMEOUT: '10m' }, 'DB_CONNECT_TIMEOUT'],
    [{ SHUTDOWN_GRACE: 'soon' }, 'SHUTDOWN_GRACE'],
    [{ SHUTDOWN_GRACE: '1h' }, 'SHUTDOWN_GRACE'],
    [{ AUDIT_CHECKPOINT_KEY: 'too-short' }, 'AUDIT_CHECKPOINT_KEY'],
    [{ SESSION_TTL: 'forever' }, 'SESSION_TTL'],
    [{ SESSION_TTL: '400d' }, 'SESSION_TTL'],
    [{ REQUIRE_MFA_FOR_STAFF: 'always' }, 'REQUIRE_MFA_FOR_STAFF'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ METRICS_TOKEN: 'has a space in it and is long enough to pass' }, 'METRICS_TOKEN'],
    [{ METRICS_PORT: '0' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }, 'METRICS_HOST'],
  ])('stops the start on a bad value, naming the variable (%o)', (env, variable) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('logs JSON under start:prod and pretty text otherwise; metrics closed by default', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' })).toMatchObject({
      logFormat: 'json',
      metricsToken: null,
      metricsPort: null,
    });
    expect(loadConfig({ DATA_DIR: dataDir() }).logFormat).toBe('pretty');
    const token = 'a-metrics-token-of-thirty-two-chars!';
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
        METRICS_TOKEN: token,
      }),
    ).toMatchObject({ metricsPort: 9464, metricsHost: '0.0.0.0', metricsToken: token });
  });

  it('parses durations and booleans', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      JWT_TTL: '15m',
      SEED_DEMO: 'false',
      PORT: '8080',
    });
    expect(config).toMatchObject({ jwtTtlSeconds: 900, seedDemo: false, port: 8080 });
  });

  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATA_DIR: dataDir(), HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: dataDir(), HOST: '::' }).host).toBe('::');
  });

  it('start:prod (NODE_ENV=production) never seeds demo data unless SEED_DEMO=true', () => {
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production' };
    expect(loadConfig(production)).toMatchObject({ mode: 'production', seedDemo: false });
    expect(loadConfig({ ...production, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'test' })).toMatchObject({
      mode: 'development',
      seedDemo: true,
    });
  });

  it('has introspection on for the embedded default and off in production unless set', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).graphqlIntrospection).toBe(true);
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production' };
    expect(loadConfig(production).graphqlIntrospection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(
      true,
    );
    expect(loadConfig({ DATA_DIR: dataDir(), GRAPHQL_INTROSPECTION: 'false' })).toMatchObject({
      graphqlIntrospection: false,
    });
  });

  it('serves the IDE by default, in production only with IDE=true (which also turns introspection on)', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).ide).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), IDE: 'false' }).ide).toBe(false);
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production' };
    expect(loadConfig(production).ide).toBe(false);
    expect(loadConfig({ ...production, IDE: 'true' })).toMatchObject({
      ide: true,
      graphqlIntrospection: true,
    });
    expect(
      loadConfig({ ...production, IDE: 'true', GRAPHQL_INTROSPECTION: 'false' }),
    ).toMatchObject({ ide: true, graphqlIntrospection: false });
  });

  it('requires a second factor for staff in production by default, not in development', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).requireMfaForStaff).toBe(false);
    const production = { DATA_DIR: dataDir(), NODE_ENV: 'production' };
    expect(loadConfig(production).requireMfaForStaff).toBe(true);
    expect(loadConfig({ ...production, REQUIRE_MFA_FOR_STAFF: 'false' }).requireMfaForStaff).toBe(
      false,
    );
  });

  it('defaults CORS off, TRUST_PROXY off, 1,200 requests a minute, and the documented timeouts', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({
      corsOrigins: [],
      trustProxy: false,
      rateLimitPerMinute: 1200,
      dbStatementTimeoutMs: 30_000,
      dbConnectTimeoutMs: 5_000,
      shutdownGraceMs: 10_000,
      auditCheckpointKey: null,
      jwtTtlSeconds: 900,
      sessionTtlSeconds: 14 * 86400,
    });
  });

  it('parses the hardening variables', () => {
    const key = 'k'.repeat(40);
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        CORS_ORIGINS: 'https://delegates.example.org, http://localhost:5173/',
        TRUST_PROXY: 'true',
        RATE_LIMIT_PER_MINUTE: '300',
        DB_STATEMENT_TIMEOUT: '2m',
        DB_CONNECT_TIMEOUT: '3',
        SHUTDOWN_GRACE: '45s',
        AUDIT_CHECKPOINT_KEY: key,
        SESSION_TTL: '7d',
      }),
    ).toMatchObject({
      corsOrigins: ['https://delegates.example.org', 'http://localhost:5173'],
      trustProxy: true,
      rateLimitPerMinute: 300,
      dbStatementTimeoutMs: 120_000,
      dbConnectTimeoutMs: 3_000,
      shutdownGraceMs: 45_000,
      auditCheckpointKey: key,
      sessionTtlSeconds: 7 * 86400,
    });
  });
});

describe(isLoopbackHost.name, () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );
  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.10', 'accord.example.org', '128.0.0.1'])(
    '%s is beyond loopback',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});
