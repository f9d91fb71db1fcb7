import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { randomUUID } from 'node:crypto';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';
import { requestIdOfError } from './error-request-id';

const logger = new Logger('GraphQLError');

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/** Codes Apollo and graphql-js raise themselves for malformed requests: passed through as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

interface PgError {
  code?: string;
  constraint?: string;
}

function fromDatabase(error: QueryFailedError): { code: ErrorCode; message: string } | null {
  const driverError = error.driverError as PgError;
  switch (driverError.code) {
    case '23505':
      return { code: ErrorCode.CONFLICT, message: 'This conflicts with an existing record' };
    case '40001':
    case '40P01':
      return {
        code: ErrorCode.CONFLICT,
        message: 'A concurrent change got there first; try again',
      };
    case '22P02':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value has the wrong format' };
    // Behind the input check, a safety net: a value too long for its column, or bytes the
    // database cannot store, are the caller's input, never a 500.
    case '22001':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long' };
    case '22021':
      return {
        code: ErrorCode.BAD_USER_INPUT,
        message: 'A value holds characters that cannot be stored',
      };
    default:
      return null;
  }
}

/** graphql-js names the offending input as `Variable "$input" got invalid value … at "input.kind"`. */
function fieldOf(message: string): Record<string, string> {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  const field = at ?? variable;
  return field ? { field } : {};
}

function build(
  formatted: GraphQLFormattedError,
  code: ErrorCode | string,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLFormattedError {
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { ...extensions, code },
  };
}

/**
 * The single place errors are shaped for clients: known codes keep their message, anything
 * unexpected is logged with a correlation id and reaches the client as a generic message.
 * No stack trace, SQL or driver message ever leaves the server. The correlation id is the
 * request id (the `x-request-id` of the HTTP request, the operation's id over graphql-ws),
 * so the operator finds the error line and the access line with one search.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  raw: unknown,
  requestId: string | undefined = requestIdOfError(raw),
): GraphQLFormattedError {
  const error = unwrapResolverError(raw);
  if (error instanceof DomainException)
    return build(formatted, error.code, error.message, error.extensions);
  if (error instanceof HttpException) {
    const code = HTTP_STATUS_CODES[error.getStatus()];
    if (code) return build(formatted, code, error.message);
  }
  if (isDatabaseUnavailable(error)) {
    // Logged for the operator with the driver's words; the client only learns to retry.
    const correlationId = requestId ?? randomUUID();
    logger.warn({
      msg: `database unavailable: ${(error as Error).message}`,
      reqId: correlationId,
    });
    const unavailable = DomainException.serviceUnavailable();
    return build(formatted, unavailable.code, unavailable.message, { correlationId });
  }
  if (error instanceof QueryFailedError) {
    const mapped = fromDatabase(error);
    if (mapped) return build(formatted, mapped.code, mapped.message);
  }
  const existing = formatted.extensions?.code;
  if (typeof existing === 'string' && REQUEST_ERROR_CODES.has(existing)) {
    const code = existing === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : existing;
    return build(formatted, code, formatted.message, fieldOf(formatted.message));
  }
  // Raised by graphql-js before any resolver ran (variable coercion): the request was malformed.
  if (error instanceof GraphQLError && !formatted.path && /^Variable "\$/.test(formatted.message)) {
    return build(
      formatted,
      ErrorCode.BAD_USER_INPUT,
      formatted.message,
      fieldOf(formatted.message),
    );
  }
  const correlationId = requestId ?? randomUUID();
  logger.error({
    msg: 'internal error',
    reqId: correlationId,
    err: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  return build(formatted, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', {
    correlationId,
  });
}
