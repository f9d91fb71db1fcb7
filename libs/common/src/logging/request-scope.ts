import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while a request or a WebSocket operation runs is tagged with. */
export interface RequestScope {
  requestId: string;
}

/*
 * Why an AsyncLocalStorage: a line is written deep inside services (a failed login, a slow
 * query logged by TypeORM, a worker overrunning its budget), far from the request object,
 * and it must still carry the request id. On Node 24 the storage is an AsyncContextFrame and
 * costs nothing measurable. On Node 20/22 it is built on promise hooks, which run while any
 * request is in its scope: about 0.1 µs per promise (a few per cent of a large read, see
 * docs/benchmarks.md); run production on Node 24.
 */
const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `callback` (and everything it starts, synchronously or through promises) in the scope. */
export function runInRequestScope<T>(scope: RequestScope, callback: () => T): T {
  return storage.run(scope, callback);
}

/** The id of the request whose code is running now, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
