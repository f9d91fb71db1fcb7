import type { AppConfig } from '@accord/common';
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
  };
  if (destination) return pino(options, destination);
  if (config.logFormat === 'pretty')
    return pino(
      options,
      pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'context', messageFormat }),
    );
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

/** `[Context] message` in pretty mode, as Nest's own logger prints it. */
function messageFormat(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  return typeof log.context === 'string' ? `[${log.context}] ${message}` : message;
}
