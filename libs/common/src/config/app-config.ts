import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Configuration parsed and validated once at boot; see the README's configuration table. */
export interface AppConfig {
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  admin: { email: string; password: string } | null;
  seedDemo: boolean;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function parsePort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be an integer between 1 and 65535, got "${raw}"`);
  }
  return port;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** Accepts seconds ("3600") or a number with a unit: "15m", "8h", "7d". */
function parseTtl(raw: string | undefined): number {
  const value = raw ?? '8h';
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match)
    throw new ConfigError(
      'JWT_TTL',
      `must be seconds or a duration like 15m, 8h, 7d; got "${value}"`,
    );
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 1 || seconds > 30 * 86400)
    throw new ConfigError('JWT_TTL', 'must be between 1 second and 30 days');
  return seconds;
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  return raw;
}

/** In embedded mode the secret is generated once and kept beside the data, so tokens survive a restart. */
function embeddedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function parseJwtSecret(env: Env, databaseUrl: string | null, dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
    return raw;
  }
  if (databaseUrl) throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set');
  return embeddedJwtSecret(dataDir);
}

function parseAdmin(env: Env): AppConfig['admin'] {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email && !password) return null;
  if (!email) throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (!password) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new ConfigError('ADMIN_EMAIL', 'is not an email address');
  if (password.length < 12)
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters');
  return { email, password };
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const value = (raw ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(value)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}; got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  const dataDir = resolve(env.DATA_DIR || './.data');
  return {
    port: parsePort(env),
    databaseUrl,
    dataDir,
    jwtSecret: parseJwtSecret(env, databaseUrl, dataDir),
    jwtTtlSeconds: parseTtl(env.JWT_TTL),
    admin: parseAdmin(env),
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, databaseUrl === null),
    logLevel: parseLogLevel(env.LOG_LEVEL),
  };
}
