import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { checkText } from '../text/check-text';
import { DomainException } from './domain.exception';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const error = errors[0];
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.children?.length) return firstFailure(error.children, field);
  const message = Object.values(error.constraints ?? {})[0] ?? `${field} is invalid`;
  return { field, message };
}

/**
 * REST path parameters are single-line text and query parameters text without control
 * characters (line breaks allowed: `?text=` carries a whole document), whatever the route.
 * GraphQL arguments arrive checked already (input-gate.ts); REST bodies by their DTO decorators.
 */
function checkRestText(value: unknown, { type, data }: ArgumentMetadata): void {
  if (type !== 'param' && type !== 'query') return;
  const kind = type === 'param' ? 'plain' : 'multiline';
  if (typeof value === 'string') checkText(value, kind, data ?? type);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      checkRestText(item, { type, data: data ?? key });
  }
}

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    checkRestText(value, metadata);
    return super.transform(value, metadata);
  }
}

/** Validates every input DTO; the first failure becomes BAD_USER_INPUT naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return DomainException.badInput(field, message);
    },
  });
}
