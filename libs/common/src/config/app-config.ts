import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envSchema, EnvVariable, LogLevel, ParsedEnv } from './env-variables';

export type { LogLevel };

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
  /** Serve the GraphQL IDE (Altair, every asset from this server) to browsers at GET /graphql. */
  ide: boolean;
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
  /** Run the job queue's handlers here (JOBS_WORKERS); false: this instance only sends jobs. */
  jobsWorkers: boolean;
  /** Notification emails: SMTP_URL (null: .eml files in DATA_DIR/mailbox) and the rest. */
  mail: {
    smtpUrl: string | null;
    from: string;
    maxAttempts: number;
    retryDelaySeconds: number;
    digestIntervalSeconds: number;
  };
  /** The base of links in emails (PUBLIC_URL, or http://HOST:PORT). */
  publicUrl: string;
  /** Key of the audit chain's signed checkpoints; null: kept in DATA_DIR or derived from JWT_SECRET. */
  auditCheckpointKey: string | null;
  /** ADMIN and SECRETARIAT users must enrol a second factor before anything else. */
  requireMfaForStaff: boolean;
  /** `json`: one JSON object a line (start:prod); `pretty`: coloured text for a terminal. */
  logFormat: 'json' | 'pretty';
  /** Bearer token that opens /metrics on the API port; null: see metricsPort and the README. */
  metricsToken: string | null;
  /** A second listener serving only /metrics (on metricsHost); null: none. */
  metricsPort: number | null;
  metricsHost: string;
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

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const value = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    value === 'localhost' ||
    value === '::1' ||
    /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(value)
  );
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

/** Validates every variable of env-variables.ts; the first bad one stops the start, named. */
export function parseEnvironment(env: Env): ParsedEnv {
  // An empty value (`PORT=` in a .env) means unset, as it always has.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = envSchema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(String(issue.path[0] as EnvVariable), issue.message);
}

/** Rules between variables, which no single parser can see. */
function requireTogether(env: ParsedEnv): void {
  if (env.DATABASE_URL && !env.JWT_SECRET)
    throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set');
  if (env.ADMIN_PASSWORD && !env.ADMIN_EMAIL)
    throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD)
    throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  // METRICS_HOST beyond loopback would publish the metrics: only with a METRICS_TOKEN.
  if (env.METRICS_HOST && !isLoopbackHost(env.METRICS_HOST) && !env.METRICS_TOKEN)
    throw new ConfigError(
      'METRICS_HOST',
      `beyond loopback ("${env.METRICS_HOST}") needs a METRICS_TOKEN`,
    );
}

export function loadConfig(env: Env = process.env): AppConfig {
  const v = parseEnvironment(env);
  requireTogether(v);
  const production = v.NODE_ENV === 'production';
  const databaseUrl = v.DATABASE_URL ?? null;
  const dataDir = resolve(v.DATA_DIR ?? './.data');
  // start:prod serves the IDE only when asked; asking for it also asks for its schema docs.
  const ide = v.IDE ?? !production;
  return {
    mode: production ? 'production' : 'development',
    host: v.HOST ?? '127.0.0.1',
    port: v.PORT ?? 3000,
    databaseUrl,
    dataDir,
    jwtSecret: v.JWT_SECRET ?? embeddedJwtSecret(dataDir),
    jwtTtlSeconds: v.JWT_TTL ?? 15 * 60,
    sessionTtlSeconds: v.SESSION_TTL ?? 14 * 86400,
    admin:
      v.ADMIN_EMAIL && v.ADMIN_PASSWORD
        ? { email: v.ADMIN_EMAIL, password: v.ADMIN_PASSWORD }
        : null,
    // start:prod never seeds demo data unless asked to explicitly.
    seedDemo: v.SEED_DEMO ?? (databaseUrl === null && !production),
    logLevel: v.LOG_LEVEL ?? 'log',
    corsOrigins: v.CORS_ORIGINS ?? [],
    graphqlIntrospection: v.GRAPHQL_INTROSPECTION ?? (!production || ide),
    ide,
    trustProxy: v.TRUST_PROXY ?? false,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE ?? 1200,
    dbStatementTimeoutMs: (v.DB_STATEMENT_TIMEOUT ?? 30) * 1000,
    dbConnectTimeoutMs: (v.DB_CONNECT_TIMEOUT ?? 5) * 1000,
    shutdownGraceMs: (v.SHUTDOWN_GRACE ?? 10) * 1000,
    jobsWorkers: v.JOBS_WORKERS ?? true,
    mail: {
      smtpUrl: v.SMTP_URL ?? null,
      from: v.MAIL_FROM ?? 'Accord <accord@localhost>',
      maxAttempts: v.MAIL_MAX_ATTEMPTS ?? 6,
      retryDelaySeconds: v.MAIL_RETRY_DELAY ?? 30,
      digestIntervalSeconds: v.NOTIFICATION_DIGEST_INTERVAL ?? 3600,
    },
    publicUrl:
      v.PUBLIC_URL ??
      `http://${/:/.test(v.HOST ?? '') ? `[${v.HOST}]` : (v.HOST ?? '127.0.0.1')}:${v.PORT ?? 3000}`,
    auditCheckpointKey: v.AUDIT_CHECKPOINT_KEY ?? null,
    requireMfaForStaff: v.REQUIRE_MFA_FOR_STAFF ?? production,
    logFormat: v.LOG_FORMAT ?? (production ? 'json' : 'pretty'),
    metricsToken: v.METRICS_TOKEN ?? null,
    metricsPort: v.METRICS_PORT ?? null,
    metricsHost: v.METRICS_HOST ?? '127.0.0.1',
    publicCacheMaxRows: v.PUBLIC_CACHE_MAX_ROWS ?? 20_000,
  };
}
