import { IntrinsicException } from '@nestjs/common';
import { ErrorCode } from './error-code';

/**
 * The one exception services throw (intrinsic: an expected outcome, not logged as a crash). The global error formatter turns it into a GraphQL error
 * with `extensions.code` and the extra extensions given here (e.g. the field at fault).
 */
export class DomainException extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static badInput(field: string, message: string): DomainException {
    return new DomainException(ErrorCode.BAD_USER_INPUT, message, { field });
  }

  /** `field`: the input field that named the missing thing, when there is one. */
  static notFound(what: string, field?: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, `${what} not found`, field ? { field } : {});
  }

  static forbidden(message = 'You are not allowed to do this'): DomainException {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in to do this'): DomainException {
    return new DomainException(ErrorCode.UNAUTHENTICATED, message);
  }

  static conflict(message: string, extensions: Record<string, unknown> = {}): DomainException {
    return new DomainException(ErrorCode.CONFLICT, message, extensions);
  }

  static invalidState(message: string, extensions: Record<string, unknown> = {}): DomainException {
    return new DomainException(ErrorCode.INVALID_STATE, message, extensions);
  }

  static rateLimited(message: string, retryAfterSeconds: number): DomainException {
    return new DomainException(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
  }

  static mfaRequired(message = 'Enter the code from your authenticator app'): DomainException {
    return new DomainException(ErrorCode.MFA_REQUIRED, message);
  }

  static serviceUnavailable(
    message = 'The service is temporarily unavailable; try again shortly',
  ): DomainException {
    return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
