import type { AsyncLocalStorage } from 'node:async_hooks';
import { ClsServiceManager } from 'nestjs-cls';

/*
 * Why: @nestjs-cls/transactional finds the current transaction through nestjs-cls's one
 * AsyncLocalStorage. On Node before 24, an AsyncLocalStorage is built on async_hooks: from its
 * first run()/enterWith() (nestjs-cls calls enterWith at module load) a hook runs for every
 * promise of the process, for ever, and a large read creates hundreds of thousands of promises
 * (measured: 11 % of the CPU of a draft read, 15 % of its allocations). Only transactions read
 * that storage (TransactionHost.tx falls back to the plain EntityManager when no context is
 * active, which is what every read outside a transaction gets anyway). So the storage is kept
 * on only while at least one transaction runs: run() turns it on (Node does that itself), and
 * when the last running context settles it is turned off again, which removes the hooks.
 * A transaction's own code always runs inside its run(), so it is tracked from its first
 * promise; the change and its audit event still share one transaction. On Node 24 the storage
 * is an AsyncContextFrame (no hooks, nothing to save), and this does nothing. (The request
 * scope of log lines, logging/request-scope.ts, runs its own storage per request.)
 */

const usesAsyncHooks = (): boolean =>
  Number(process.versions.node.split('.')[0]) < 24 &&
  !process.execArgv.includes('--experimental-async-context-frame');

type Run = AsyncLocalStorage<unknown>['run'];

const scoped = new WeakSet<AsyncLocalStorage<unknown>>();

/** Keeps `als` enabled only while one of its run() callbacks (or the promise it returns) is open. */
export function scopeToOpenRuns(als: AsyncLocalStorage<unknown>): void {
  if (scoped.has(als) || !usesAsyncHooks()) return;
  scoped.add(als);
  const run: Run = als.run.bind(als);
  let open = 0;
  const close = (): void => {
    open -= 1;
    if (open === 0) als.disable();
  };
  als.run = ((store: unknown, callback: (...args: unknown[]) => unknown, ...args: unknown[]) => {
    open += 1;
    let result: unknown;
    try {
      result = run(store, callback, ...args);
    } catch (error) {
      close();
      throw error;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          close();
          return value;
        },
        (error: unknown) => {
          close();
          throw error;
        },
      );
    }
    close();
    return result;
  }) as Run;
  if (open === 0) als.disable();
}

/** nestjs-cls's storage (the one @nestjs-cls/transactional uses), scoped to open transactions. */
export function scopeTransactionContext(): void {
  const cls = ClsServiceManager.getClsService() as unknown as { als: AsyncLocalStorage<unknown> };
  scopeToOpenRuns(cls.als);
}
