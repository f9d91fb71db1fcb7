import { DomainException } from '@accord/common';

/** The entity, or NOT_FOUND naming what was missing and the input field that named it. */
export function found<T>(entity: T | null | undefined, what: string, field?: string): T {
  if (entity === null || entity === undefined) throw DomainException.notFound(what, field);
  return entity;
}
