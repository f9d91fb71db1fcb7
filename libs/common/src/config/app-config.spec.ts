import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

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
  ])('stops the start on a bad value, naming the variable (%o)', (env, variable) => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
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
});
