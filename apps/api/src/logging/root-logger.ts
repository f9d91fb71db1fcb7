import { AppConfig, currentRequestId } from '@accord/common';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Nest's level names, as LOG_LEVEL takes them, to pino's. */
const PINO_LEVEL: Record<AppConfig['logLevel'], string> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * A second line of defence: no code logs headers, bodies or GraphQL variables, but a field
 * with one of these names is censored wherever a log call puts it (top level or one level
 * down), so a careless `logger.warn({ input })` cannot leak a password or a token.
 */
export const REDACTED_PATHS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'totpCode',
  'authorization',
  'cookie',
  'variables',
  'headers',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.totpCode',
  '*.authorization',
  '*.cookie',
  '*.variables',
  '*.headers',
];

/**
 * The process's one pino logger. JSON lines on stdout (written synchronously: nothing is lost
 * when the process exits right after), or pino-pretty's coloured text when LOG_FORMAT=pretty
 * (the default of `npm start`). Tests pass their own destination to read the lines back.
 */
export function createRootLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level: PINO_LEVEL[config.logLevel],
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line written while a request or WebSocket operation runs carries its id.
    mixin: () => {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
  };
  if (destination) return pino(options, destination);
  if (config.logFormat === 'pretty')
    return pino(
      options,
      pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: INLINE_FIELDS, messageFormat }),
    );
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

/** Fields the pretty format puts into the message line instead of listing them below it. */
const INLINE_FIELDS =
  'context,method,path,status,operation,operationType,durationMs,userId,transport';

/**
 * Pretty mode, one line per request as a developer reads it:
 * `[Context] message`, or `POST /graphql 200 mutation SignIn 41.3 ms user … request`.
 */
function messageFormat(log: Record<string, unknown>, messageKey: string): string {
  const parts: string[] = [];
  if (typeof log.context === 'string') parts.push(`[${log.context}]`);
  if (log.method) parts.push(`${String(log.method)} ${String(log.path)} ${String(log.status)}`);
  if (log.transport) parts.push(String(log.transport));
  if (log.operationType || log.operation)
    parts.push(
      `${String(log.operationType ?? '')} ${String(log.operation ?? '(anonymous)')}`.trim(),
    );
  if (typeof log.durationMs === 'number') parts.push(`${log.durationMs} ms`);
  if (log.userId) parts.push(`user ${String(log.userId)}`);
  parts.push(String(log[messageKey] ?? ''));
  return parts.join(' ');
}
