import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Configuration parsed and validated once at boot; see the README's configuration table. */
export interface AppConfig {
  /** `production` when NODE_ENV=production (what `npm run start:prod` sets): safer defaults. */
  mode: 'development' | 'production';
  host: string;
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  /** Lifetime of an access token. */
  jwtTtlSeconds: number;
  /** Lifetime of a session (its refresh token). */
  sessionTtlSeconds: number;
  admin: { email: string; password: string } | null;
  seedDemo: boolean;
  logLevel: LogLevel;
  /** Origins allowed to call the API from a browser; empty: CORS off. */
  corsOrigins: string[];
  graphqlIntrospection: boolean;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** Requests per minute per client address on /graphql and the REST routes. */
  rateLimitPerMinute: number;
  /** Longest a single SQL statement may run before it is cancelled. */
  dbStatementTimeoutMs: number;
  /** Longest the pool waits for a connection to the database. */
  dbConnectTimeoutMs: number;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish. */
  shutdownGraceMs: number;
  /** Key of the audit chain's signed checkpoints; null: kept in DATA_DIR or derived from JWT_SECRET. */
  auditCheckpointKey: string | null;
  /** ADMIN and SECRETARIAT users must enrol a second factor before anything else. */
  requireMfaForStaff: boolean;
  /** Rows of public document data (signatures of published texts) kept in memory; 0: off. */
  publicCacheMaxRows: number;
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
function parseDuration(
  name: string,
  raw: string | undefined,
  fallback: string,
  maxSeconds: number,
): number {
  const value = raw || fallback;
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match)
    throw new ConfigError(name, `must be seconds or a duration like 15m, 8h, 7d; got "${value}"`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds < 1 || seconds > maxSeconds)
    throw new ConfigError(name, `must be between 1 second and ${maxSeconds} seconds`);
  return seconds;
}

function parseInteger(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  return value;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const value = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    value === 'localhost' ||
    value === '::1' ||
    /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(value)
  );
}

function parseHost(raw: string | undefined): string {
  const value = raw?.trim() || '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]+$/.test(value) && value !== '::')
    throw new ConfigError('HOST', `must be an address or host name, got "${raw}"`);
  return value;
}

/** A comma-separated list of origins such as https://delegates.example.org; `*` is refused. */
function parseCorsOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError(
        'CORS_ORIGINS',
        `holds "${origin}", which is not an origin like https://host:port`,
      );
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== origin.replace(/\/$/, ''))
      throw new ConfigError(
        'CORS_ORIGINS',
        `holds "${origin}", which is not an origin like https://host:port`,
      );
    return url.origin;
  });
}

function parseMode(raw: string | undefined): AppConfig['mode'] {
  return raw === 'production' ? 'production' : 'development';
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

function parseAuditKey(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32)
    throw new ConfigError('AUDIT_CHECKPOINT_KEY', 'must be at least 32 characters');
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const mode = parseMode(env.NODE_ENV);
  const production = mode === 'production';
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  const dataDir = resolve(env.DATA_DIR || './.data');
  return {
    mode,
    host: parseHost(env.HOST),
    port: parsePort(env),
    databaseUrl,
    dataDir,
    jwtSecret: parseJwtSecret(env, databaseUrl, dataDir),
    jwtTtlSeconds: parseDuration('JWT_TTL', env.JWT_TTL, '15m', 30 * 86400),
    sessionTtlSeconds: parseDuration('SESSION_TTL', env.SESSION_TTL, '14d', 365 * 86400),
    admin: parseAdmin(env),
    // start:prod never seeds demo data unless asked to explicitly.
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, databaseUrl === null && !production),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    graphqlIntrospection: parseBoolean(
      'GRAPHQL_INTROSPECTION',
      env.GRAPHQL_INTROSPECTION,
      !production,
    ),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false),
    rateLimitPerMinute: parseInteger(
      'RATE_LIMIT_PER_MINUTE',
      env.RATE_LIMIT_PER_MINUTE,
      1200,
      1,
      1_000_000,
    ),
    dbStatementTimeoutMs:
      parseDuration('DB_STATEMENT_TIMEOUT', env.DB_STATEMENT_TIMEOUT, '30s', 3600) * 1000,
    dbConnectTimeoutMs:
      parseDuration('DB_CONNECT_TIMEOUT', env.DB_CONNECT_TIMEOUT, '5s', 300) * 1000,
    shutdownGraceMs: parseDuration('SHUTDOWN_GRACE', env.SHUTDOWN_GRACE, '10s', 600) * 1000,
    auditCheckpointKey: parseAuditKey(env.AUDIT_CHECKPOINT_KEY),
    requireMfaForStaff: parseBoolean(
      'REQUIRE_MFA_FOR_STAFF',
      env.REQUIRE_MFA_FOR_STAFF,
      production,
    ),
    publicCacheMaxRows: parseInteger(
      'PUBLIC_CACHE_MAX_ROWS',
      env.PUBLIC_CACHE_MAX_ROWS,
      20_000,
      0,
      1_000_000,
    ),
  };
}
