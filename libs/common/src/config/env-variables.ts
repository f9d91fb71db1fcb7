import { z } from 'zod';
import {
  boolean,
  duration,
  email,
  host,
  integer,
  metricsToken,
  oneOf,
  origins,
  postgresUrl,
  secret,
  text,
  urlOf,
} from './env-parsers';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Every environment variable Accord reads: its parser (zod), its default as an operator reads it
 * and what it means. `.env.example` is generated from this table (`npm run env:example`) and a
 * test checks it is complete. To add a variable: add a row here, then map it in loadConfig.
 */
export const ENV_VARIABLES = {
  NODE_ENV: {
    schema: text(),
    default: 'unset; `npm run start:prod` sets production',
    meaning: 'production turns on the safer defaults marked "prod" below',
  },
  HOST: {
    schema: host(),
    default: '127.0.0.1',
    meaning:
      'address the API listens on; beyond loopback the start is refused while an enabled demo account keeps its published password',
  },
  PORT: { schema: integer(1, 65535), default: '3000', meaning: 'HTTP port of the API' },
  DATABASE_URL: {
    schema: postgresUrl(),
    default: 'unset (the embedded PostgreSQL)',
    meaning: 'postgres://… of a PostgreSQL server to use instead of the embedded one',
  },
  DATA_DIR: {
    schema: text(),
    default: './.data',
    meaning:
      'where the embedded database lives, with its generated secrets (mode 0600): postgres-superuser-password, postgres-app-password, jwt-secret, audit-checkpoint-key',
  },
  JWT_SECRET: {
    schema: secret(32),
    default: 'generated into DATA_DIR when embedded; required with DATABASE_URL',
    meaning:
      'HS256 signing secret (at least 32 characters); also keys the encryption of TOTP secrets at rest',
  },
  JWT_TTL: {
    schema: duration(30 * 86400),
    default: '15m',
    meaning: 'lifetime of an access token: seconds, or 15m, 8h, 7d (at most 30 days)',
  },
  SESSION_TTL: {
    schema: duration(365 * 86400),
    default: '14d',
    meaning: 'lifetime of a refresh token; each refresh issues a new one valid this long',
  },
  REQUIRE_MFA_FOR_STAFF: {
    schema: boolean(),
    default: 'false; prod: true',
    meaning: 'ADMIN and SECRETARIAT users must enrol a second factor before anything else',
  },
  ADMIN_EMAIL: {
    schema: email(),
    default: 'unset',
    meaning: 'at start, create this admin if no user has that email (with ADMIN_PASSWORD)',
  },
  ADMIN_PASSWORD: {
    schema: secret(12),
    default: 'unset',
    meaning: "the admin's password (with ADMIN_EMAIL); it must pass the password policy",
  },
  SEED_DEMO: {
    schema: boolean(),
    default: 'true embedded, false with DATABASE_URL; prod: false',
    meaning: 'load the Pall Mall demo data once',
  },
  CORS_ORIGINS: {
    schema: origins(),
    default: 'empty (CORS off)',
    meaning:
      'comma-separated origins (https://host[:port]) whose browser pages may call the API; * is refused',
  },
  IDE: {
    schema: boolean(),
    default: 'true; prod: false',
    meaning:
      'serve the GraphQL IDE (Altair, every asset from this server) to browsers at GET /graphql; true also turns GRAPHQL_INTROSPECTION on unless it is set',
  },
  GRAPHQL_INTROSPECTION: {
    schema: boolean(),
    default: 'true; prod: false (true when IDE=true)',
    meaning: 'whether the schema can be introspected (over HTTP and WebSocket)',
  },
  TRUST_PROXY: {
    schema: boolean(),
    default: 'false',
    meaning:
      'true behind exactly one reverse proxy: the client address is the last X-Forwarded-For entry',
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: integer(1, 1_000_000),
    default: '1200',
    meaning: 'requests per minute per client address, counted in PostgreSQL (shared by instances)',
  },
  DB_STATEMENT_TIMEOUT: {
    schema: duration(3600),
    default: '30s',
    meaning: 'longest one SQL statement may run',
  },
  DB_CONNECT_TIMEOUT: {
    schema: duration(300),
    default: '5s',
    meaning: 'longest a new database connection may take to open',
  },
  SHUTDOWN_GRACE: {
    schema: duration(600),
    default: '10s',
    meaning: 'on SIGTERM/SIGINT, how long requests in flight may take to finish',
  },
  JOBS_WORKERS: {
    schema: boolean(),
    default: 'true',
    meaning:
      'run the job queue handlers (email delivery, scheduled steps) in this instance; false: it only sends jobs, for API-only instances beside worker ones',
  },
  SMTP_URL: {
    schema: urlOf(['smtp:', 'smtps:']),
    default: 'unset: emails are written as .eml files to DATA_DIR/mailbox',
    meaning:
      'smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 of the server that sends the notification emails',
  },
  MAIL_FROM: {
    schema: text(),
    default: 'Accord <accord@localhost>',
    meaning: 'the From of notification emails, e.g. "Pall Mall Process <no-reply@example.org>"',
  },
  PUBLIC_URL: {
    schema: urlOf(['http:', 'https:']),
    default: 'http://HOST:PORT',
    meaning:
      'the address people reach the API at, for the links in emails (password reset, unsubscribe)',
  },
  MAIL_MAX_ATTEMPTS: {
    schema: integer(1, 20),
    default: '6',
    meaning:
      'attempts to deliver one email (with exponential backoff) before it is marked FAILED for the secretariat',
  },
  MAIL_RETRY_DELAY: {
    schema: duration(3600),
    default: '30s',
    meaning: 'wait before the first retry of a failed delivery; doubled at each retry',
  },
  NOTIFICATION_DIGEST_INTERVAL: {
    schema: duration(7 * 86400),
    default: '1h',
    meaning:
      'amendments proposed and replies to comments are batched into at most one digest per user per interval',
  },
  AUDIT_CHECKPOINT_KEY: {
    schema: secret(32),
    default: 'embedded: generated in DATA_DIR; server: derived from JWT_SECRET',
    meaning:
      "key (at least 32 characters) signing the audit chain's checkpoints; keep it with your backups",
  },
  PUBLIC_CACHE_MAX_ROWS: {
    schema: integer(0, 1_000_000),
    default: '20000',
    meaning:
      'rows of public document data (signatures of published texts) each instance keeps in memory, checked against a version on every read; 0 turns the cache off',
  },
  LOG_LEVEL: {
    schema: oneOf(LOG_LEVELS),
    default: 'log',
    meaning:
      'error, warn, log (one access line per request), debug (adds the lines of /health, /health/ready and /metrics) or verbose',
  },
  LOG_FORMAT: {
    schema: oneOf(['json', 'pretty'] as const),
    default: 'pretty; prod: json',
    meaning:
      'json: one JSON object per line on stdout, for a log collector; pretty: coloured text for a terminal',
  },
  METRICS_TOKEN: {
    schema: metricsToken(),
    default: 'unset',
    meaning:
      'at least 32 printable characters: GET /metrics answers whoever sends Authorization: Bearer <token> (constant-time compare), 401 otherwise',
  },
  METRICS_PORT: {
    schema: integer(1, 65535),
    default: 'unset',
    meaning:
      'serve GET /metrics on this second port only (and no longer on the API port, unless METRICS_TOKEN is set)',
  },
  METRICS_HOST: {
    schema: host(),
    default: '127.0.0.1',
    meaning:
      'address of the METRICS_PORT listener; beyond loopback only together with METRICS_TOKEN',
  },
} satisfies Record<string, { schema: z.ZodType; default: string; meaning: string }>;

export type EnvVariable = keyof typeof ENV_VARIABLES;

/** The whole environment's schema: every variable above, each optional. */
export const envSchema = z.object(
  Object.fromEntries(Object.entries(ENV_VARIABLES).map(([name, v]) => [name, v.schema])) as {
    [K in EnvVariable]: (typeof ENV_VARIABLES)[K]['schema'];
  },
);

export type ParsedEnv = z.output<typeof envSchema>;

/** `.env.example`: every variable, commented out at its default, under its meaning. */
export function envExample(): string {
  const lines = [
    '# Accord configuration. Copy to .env (read at start by the API, `npm run accord` and the',
    '# tools; variables set in the real environment win) and uncomment what you change.',
    '# Generated from libs/common/src/config/env-variables.ts by `npm run env:example`.',
    '# ENV_FILE (read before this file) names another file to read instead of ./.env.',
    '',
  ];
  for (const [name, v] of Object.entries(ENV_VARIABLES)) {
    // A plain default is shown as the value; a described one is left empty.
    const value = /^[^\s;]+$/.test(v.default) && v.default !== 'unset' ? v.default : '';
    lines.push(`# ${v.meaning}`, `# default: ${v.default}`, `# ${name}=${value}`, '');
  }
  return lines.join('\n');
}
