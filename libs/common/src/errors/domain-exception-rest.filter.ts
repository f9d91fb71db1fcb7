import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';
import type { Response } from 'express';

const STATUS: Partial<Record<ErrorCode, HttpStatus>> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.INVALID_STATE]: HttpStatus.CONFLICT,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * On REST routes a DomainException (from the validation pipe or a service) becomes its HTTP
 * status with a JSON body `{ code, message, field? }`, the same code GraphQL clients see.
 */
@Catch(DomainException)
export class DomainExceptionRestFilter implements ExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS[exception.code] ?? HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ ...exception.extensions, code: exception.code, message: exception.message });
  }
}
