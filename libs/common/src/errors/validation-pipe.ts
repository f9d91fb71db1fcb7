import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException } from './domain.exception';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const error = errors[0];
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.children?.length) return firstFailure(error.children, field);
  const message = Object.values(error.constraints ?? {})[0] ?? `${field} is invalid`;
  return { field, message };
}

/** Validates every input DTO; the first failure becomes BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return DomainException.badInput(field, message);
    },
  });
}
