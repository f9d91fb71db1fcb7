import type { EntityManager } from 'typeorm';

/** What a handler receives: the job's id, its data, and how many times it was tried before. */
export interface Job<T> {
  id: string;
  queue: string;
  data: T;
}

/** Resolves: the job is done. Throws: it is retried (see QueueOptions), then failed. */
export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface QueueOptions {
  /** Attempts after the first (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled at each retry with `retryBackoff`. */
  retryDelaySeconds?: number;
  /** Exponential backoff between retries (default true). */
  retryBackoff?: boolean;
  /** A job running longer than this is considered crashed and retried (default 15 min). */
  expireInSeconds?: number;
  /** Jobs one worker of this instance runs at a time (default 1). */
  concurrency?: number;
}

export interface SendOptions {
  /** Not before this moment; a job due while no instance ran is handled at the next start. */
  startAfter?: Date;
  /**
   * Created once: a second send with the same key in the same queue does nothing while the first
   * job is kept (waiting, running, or finished less than 12 hours ago). Handlers stay idempotent.
   */
  singletonKey?: string;
  /**
   * The transaction to write the job in: the job exists if and only if it commits. Without it,
   * the current @nestjs-cls/transactional transaction if one is active, else its own statement.
   */
  manager?: EntityManager;
}
