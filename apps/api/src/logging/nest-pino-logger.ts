import { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's LoggerService on the root pino logger, for the app's own lines (`new Logger('X')`):
 * the context becomes a `context` field, an object message is merged into the line (so
 * `logger.error({ msg, reqId, err })` keeps its fields), Nest's `error(message, stack)`
 * keeps the stack in `err`. No AsyncLocalStorage: a line about a request carries its
 * `reqId` because the caller puts it there.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  private write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    params: unknown[],
    withStack = false,
  ): void {
    if (!this.pino.isLevelEnabled(level)) return;
    // Nest appends the logger's context as the last argument.
    const context =
      params.length && typeof params[params.length - 1] === 'string'
        ? (params.pop() as string)
        : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    const stack = withStack && typeof params[0] === 'string' ? params[0] : undefined;
    if (stack) fields.err = stack;
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message.stack ?? message.message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
