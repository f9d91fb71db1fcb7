/**
 * Which request an error belongs to, for the error formatter: Apollo calls `formatError`
 * without the request's context, so the request observer tags each error of a request
 * before it is formatted (a WeakMap: nothing is kept once the error is dropped, and no
 * AsyncLocalStorage is needed).
 */
const requestIds = new WeakMap<object, string>();

export function tagErrorsWithRequestId(errors: readonly unknown[], requestId: string): void {
  for (const error of errors)
    if (typeof error === 'object' && error) requestIds.set(error, requestId);
}

export function requestIdOfError(error: unknown): string | undefined {
  return typeof error === 'object' && error ? requestIds.get(error) : undefined;
}
