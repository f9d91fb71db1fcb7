import { DomainException } from '../errors/domain.exception';

/** Opaque cursors: base64url of the sort key, so that clients cannot depend on their shape. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through to the error below
  }
  throw DomainException.badInput(field, `${field} is not a valid cursor`);
}
