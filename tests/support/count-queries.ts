import { Client } from 'pg';

/**
 * DataLoader batches the loads of one tick; how parents resolve across ticks can cut one batch
 * in two from one run to the next. N+1 tests allow this much, far below one statement per row.
 */
export const BATCH_JITTER = 2;

/**
 * Counts the SQL statements sent to PostgreSQL while `fn` runs (every pooled connection is a
 * pg Client). Used to prove that a read does not grow with the size of the data (no N+1).
 */
export async function countQueries<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; count: number; statements: string[] }> {
  const original = Client.prototype.query;
  const statements: string[] = [];
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    statements.push(typeof config === 'string' ? config : (config?.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  try {
    const result = await fn();
    // The rate limit reports a busy client's requests in batches on a timer: such a report may
    // land in any window, and is not part of the read being counted (`statements` keeps it).
    const count = statements.filter((sql) => !sql.includes('request_rate_limits')).length;
    return { result, count, statements };
  } finally {
    Client.prototype.query = original;
  }
}
