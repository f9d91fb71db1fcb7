import { DomainException } from '../errors/domain.exception';

export const MAX_PAGE_SIZE = 200;

/** Checks a `first` argument: 1..MAX_PAGE_SIZE. */
export function pageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainException.badInput(field, `${field} must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}
