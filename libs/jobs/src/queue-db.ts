import type { Logger } from '@nestjs/common';
import { Pool, PoolConfig } from 'pg';
import type PgBoss from 'pg-boss';
// pg-boss 10 exports no name for its statements; the version is pinned (package.json).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plans = require('pg-boss/src/plans') as {
  completeJobs(schema: string): string;
  failJobsById(schema: string): string;
};

/**
 * pg-boss's connection pool, owned here for one reason: after a handler returns (or throws),
 * pg-boss 10 records the outcome without awaiting it (timgit/pg-boss#577). When the database is
 * gone at that moment, the rejection has no handler and Node ends the process. Here that one
 * statement's failure is logged instead: the job stays active and pg-boss retries it once it
 * expires, as it would had the instance died. Every other statement fails as it always did.
 */
export class QueueDb implements PgBoss.Db {
  private readonly pool: Pool;
  private readonly unawaited: Set<string>;

  constructor(
    config: PoolConfig,
    schema: string,
    private readonly logger: Logger,
  ) {
    this.pool = new Pool(config);
    // An idle connection the server drops emits 'error'; unhandled, that too would end the process.
    this.pool.on('error', (error) => this.logger.warn(`Job queue connection: ${error.message}`));
    this.unawaited = new Set([plans.completeJobs(schema), plans.failJobsById(schema)]);
  }

  async executeSql(text: string, values: unknown[]): Promise<{ rows: any[] }> {
    if (!this.unawaited.has(text)) return this.pool.query(text, values);
    try {
      return await this.pool.query(text, values);
    } catch (error) {
      this.logger.warn(
        `Job queue: a finished job could not be recorded (${(error as Error).message}); ` +
          'it stays active and is retried once it expires',
      );
      // pg-boss reads no count from an empty answer: it reports the job as not affected.
      return undefined as unknown as { rows: any[] };
    }
  }

  close(): Promise<void> {
    return this.pool.ending ? Promise.resolve() : this.pool.end();
  }
}
