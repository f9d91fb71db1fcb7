import { AsyncLocalStorage } from 'node:async_hooks';
import { scopeToOpenRuns } from './transaction-context-scope';

/**
 * Whether `als` is on. Turned off, Node drops its promise hook (when no other storage needs
 * it) and getStore() answers undefined even where enterWith() had set a store; turned on, the
 * store set by enterWith() at the top of the test is still seen here.
 */
const enabled = (als: AsyncLocalStorage<unknown>): boolean => als.getStore() !== undefined;

const tick = () => new Promise((resolve) => setImmediate(resolve));

// Before Node 24 an AsyncLocalStorage runs on async_hooks, which the scope turns off between
// transactions; from Node 24 it is an AsyncContextFrame and the scope leaves it alone.
const hooked = Number(process.versions.node.split('.')[0]) < 24;

describe('scopeToOpenRuns on Node 24 and later', () => {
  (hooked ? it.skip : it)('leaves the storage as it is (no hooks to remove)', () => {
    const als = new AsyncLocalStorage<string>();
    const run = als.run;
    scopeToOpenRuns(als as AsyncLocalStorage<unknown>);
    expect(als.run).toBe(run);
  });
});

(hooked ? describe : describe.skip)('scopeToOpenRuns before Node 24', () => {
  it('keeps the store through awaits and nested runs, and stops tracking promises after', async () => {
    const als = new AsyncLocalStorage<{ tx: string }>();
    als.enterWith({ tx: 'leaked' }); // what nestjs-cls does at module load
    scopeToOpenRuns(als as AsyncLocalStorage<unknown>);
    expect(enabled(als)).toBe(false);

    const seen: (string | undefined)[] = [];
    const outside = (async () => {
      await tick();
      seen.push(`outside:${als.getStore()?.tx}`);
    })();
    await als.run({ tx: 'a' }, async () => {
      await tick();
      seen.push(als.getStore()?.tx);
      await als.run({ tx: 'a-inner' }, async () => {
        await tick();
        seen.push(als.getStore()?.tx);
      });
      await tick();
      seen.push(als.getStore()?.tx);
    });
    await outside;
    expect(seen).toEqual(['outside:undefined', 'a', 'a-inner', 'a']);
    als.enterWith({ tx: 'leaked again' });
    expect(enabled(als)).toBe(true);
    await als.run({ tx: 'b' }, () => tick());
    expect(enabled(als)).toBe(false);
  });

  it('overlapping runs each keep their own store until the last one ends', async () => {
    const als = new AsyncLocalStorage<string>();
    scopeToOpenRuns(als as AsyncLocalStorage<unknown>);
    als.enterWith('top');
    let releaseA!: () => void;
    const a = als.run('a', async () => {
      await new Promise<void>((resolve) => (releaseA = resolve));
      return als.getStore();
    });
    const b = await als.run('b', async () => {
      await tick();
      return als.getStore();
    });
    releaseA();
    expect([await a, b]).toEqual(['a', 'b']);
    expect(enabled(als as AsyncLocalStorage<unknown>)).toBe(false);
  });

  it('a run that throws or rejects still ends', async () => {
    const als = new AsyncLocalStorage<string>();
    scopeToOpenRuns(als as AsyncLocalStorage<unknown>);
    als.enterWith('top');
    expect(() =>
      als.run('x', () => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    await expect(
      als.run('y', async () => {
        await tick();
        throw new Error('async');
      }),
    ).rejects.toThrow('async');
    expect(enabled(als as AsyncLocalStorage<unknown>)).toBe(false);
  });
});
