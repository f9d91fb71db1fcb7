import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DIFF_LIMITS } from './diff-limits';

/** A word diff as [op, text] runs: -1 deleted, 0 equal, 1 inserted; null: not computed. */
export type WordRuns = [-1 | 0 | 1, string][] | null;

/**
 * The worker's code, plain JavaScript evaluated by the worker itself: it runs the same from
 * the TypeScript sources (ts-node, jest) and from the compiled dist, with no file to resolve.
 * It diffs each pair under the call's deadline and each clause's budget (jsdiff's `timeout`),
 * within the call's total of chunks.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { diffWords } = require(workerData.diffModule);
// On Linux this lowers only this thread: the event loop wins the CPU when both want it.
try { require('node:os').setPriority(19); } catch {}
parentPort.on('message', ({ pairs, budgetMs, clauseBudgetMs, maxChunks }) => {
  const deadline = Date.now() + budgetMs;
  let chunksLeft = maxChunks;
  const results = pairs.map(([from, to]) => {
    const left = deadline - Date.now();
    if (left <= 0) return null;
    const parts = diffWords(from, to, { timeout: Math.min(clauseBudgetMs, left) });
    if (!parts || parts.length > chunksLeft) return null;
    chunksLeft -= parts.length;
    return parts.map((p) => [p.added ? 1 : p.removed ? -1 : 0, p.value]);
  });
  parentPort.postMessage(results);
});
`;

/** Beyond the worker's own deadline: a worker still busy then is stopped. */
const GRACE_MS = 500;

/**
 * A small pool of worker threads for word diffs, so that no text a caller sends can hold the
 * event loop. Each call gets one worker for at most its budget; a worker that overruns is
 * terminated and replaced. Every failure degrades to `null` runs (clause-level answers).
 */
@Injectable()
export class WordDiffPool implements OnModuleDestroy {
  private readonly logger = new Logger(WordDiffPool.name);
  private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1));
  private readonly idle: Worker[] = [];
  private running = 0;
  private readonly waiting: ((worker: Worker | null) => void)[] = [];
  private closed = false;

  /** Word runs for each [from, to] pair, in order; null for a pair not diffed in time. */
  async diff(pairs: readonly [string, string][]): Promise<WordRuns[]> {
    if (!pairs.length) return [];
    const worker = await this.acquire();
    if (!worker) return pairs.map(() => null);
    let healthy = false;
    try {
      const results = await this.run(worker, pairs);
      healthy = results !== null;
      return results ?? pairs.map(() => null);
    } finally {
      this.release(worker, healthy);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.waiting.splice(0).forEach((resolve) => resolve(null));
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private acquire(): Promise<Worker | null> {
    if (this.closed) return Promise.resolve(null);
    const ready = this.idle.pop();
    if (ready) {
      this.running++;
      return Promise.resolve(ready);
    }
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve(this.spawn());
    }
    if (this.waiting.length >= DIFF_LIMITS.maxQueued) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(handOver);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve(null);
      }, DIFF_LIMITS.budgetMs);
      const handOver = (worker: Worker | null) => {
        clearTimeout(timer);
        resolve(worker);
      };
      this.waiting.push(handOver);
    });
  }

  /** A healthy worker goes to the next caller; a broken or stopped one is replaced. */
  private release(worker: Worker, healthy: boolean): void {
    if (!healthy) void worker.terminate();
    const next = this.waiting.shift();
    if (next && !this.closed) {
      next(healthy ? worker : this.spawn());
      return;
    }
    this.running--;
    if (healthy && !this.closed) this.idle.push(worker);
    else if (healthy) void worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { diffModule: require.resolve('diff') },
    });
    // An idle worker must not keep the process alive at shutdown.
    worker.unref();
    return worker;
  }

  /** The worker's answer, or null when it failed or overran its budget. */
  private run(worker: Worker, pairs: readonly [string, string][]): Promise<WordRuns[] | null> {
    return new Promise((resolve) => {
      const done = (results: WordRuns[] | null) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(results);
      };
      const onMessage = (results: WordRuns[]) => done(results);
      const onError = (error: Error) => {
        this.logger.error(`Word diff worker failed: ${error.message}`);
        done(null);
      };
      const onExit = () => done(null);
      const timer = setTimeout(() => {
        this.logger.warn('Word diff worker overran its budget; answering at clause level');
        done(null);
      }, DIFF_LIMITS.budgetMs + GRACE_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({
        pairs,
        budgetMs: DIFF_LIMITS.budgetMs,
        clauseBudgetMs: DIFF_LIMITS.clauseBudgetMs,
        maxChunks: DIFF_LIMITS.maxChunks,
      });
    });
  }
}
