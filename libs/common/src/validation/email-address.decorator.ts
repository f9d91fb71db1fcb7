import { Transform } from 'class-transformer';

/**
 * An email as stored and compared: trimmed and lower-cased before the length and format checks,
 * so that the checked value is the one that reaches the database (lower-casing can lengthen it).
 */
export const EmailAddress = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );
