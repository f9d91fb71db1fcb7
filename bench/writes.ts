/**
 * The write benchmark, Accord only (the other two servers have no rules and no audit chain):
 * N delegates of distinct participants, each with its own session, alternately comment and
 * propose an amendment, all on one draft, then each on a draft of its own. It reports
 * mutations/s, latency percentiles, and what the audit hash chain costs (see AUDIT_STATEMENT).
 */
import type { RunningServer } from './servers';
import { countStatements, DbStats, processCpuSeconds, StatementStat } from './stats';

/**
 * Statements of the audit chain, recognised by their text: the chain lock (the stream's head
 * row in audit_streams, locked FOR UPDATE; the checkpoint's advisory lock) and the reads and
 * writes of audit_events / audit_streams / audit_checkpoints.
 */
const AUDIT_STATEMENT = /audit_|pg_advisory_xact_lock/i;
const CHAIN_LOCK =
  /FROM\s+audit_streams\s+WHERE\s+stream\s*=\s*\$1\s+FOR\s+UPDATE|pg_advisory_xact_lock/i;

export interface Writer {
  token: string;
  /** The clauses this writer comments on and amends. */
  clauseIds: string[];
}

export interface WriteMeasurement {
  mutations: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  firstError: string | null;
  appCpuMs: number;
  pgCpuMs: number | null;
  statements: number | null;
  /** Σ execution time of audit statements / Σ execution time of all statements. */
  auditShare: number | null;
  /** Milliseconds per mutation spent in the chain lock statement (waiting for it). */
  chainLockMs: number | null;
  /** Σ chain-lock time / Σ mutation latency: the share of a writer's wait spent queueing for the chain. */
  chainLockShareOfLatency: number | null;
  /** Milliseconds of database execution per mutation, all statements. */
  dbMs: number | null;
  top: StatementStat[];
}

const COMMENT = `mutation Comment($clauseId: ID!, $body: String!) {
  addComment(clauseId: $clauseId, body: $body) { id } }`;
const AMEND = `mutation Amend($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function writerLoop(
  url: string,
  writer: Writer,
  index: number,
  until: number,
  latencies: number[],
  errors: string[],
): Promise<void> {
  let n = 0;
  while (Date.now() < until) {
    n++;
    const clauseId = writer.clauseIds[(index * 7 + n) % writer.clauseIds.length];
    const body =
      n % 2
        ? {
            query: COMMENT,
            variables: {
              clauseId,
              body: `Bench comment ${index}.${n}: we support this paragraph.`,
            },
          }
        : {
            query: AMEND,
            variables: {
              input: {
                clauseId,
                kind: 'REPLACE',
                text: `Bench amendment ${index}.${n}: the participants shall report every year.`,
              },
            },
          };
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${writer.token}` },
        body: JSON.stringify(body),
      });
      const answer: any = await response.json();
      if (!response.ok || answer.errors)
        errors.push(JSON.stringify(answer.errors ?? response.status));
      else latencies.push(performance.now() - started);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
}

export async function measureWrites(
  server: RunningServer,
  writers: Writer[],
  seconds: number,
  stats: DbStats,
): Promise<WriteMeasurement> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const before = await stats.snapshot();
  const appBefore = processCpuSeconds(server.pid);
  const started = Date.now();
  const until = started + seconds * 1000;
  await Promise.all(
    writers.map((w, i) => writerLoop(`${server.base}/graphql`, w, i, until, latencies, errors)),
  );
  const elapsed = (Date.now() - started) / 1000;
  const appAfter = processCpuSeconds(server.pid);
  const delta = DbStats.delta(before, await stats.snapshot());
  latencies.sort((a, b) => a - b);
  const ok = Math.max(1, latencies.length);
  const all = delta.statements;
  const time = (list: StatementStat[]) => list.reduce((sum, s) => sum + s.time, 0);
  const dbTime = all ? time(all) : 0;
  const lockTime = all ? time(all.filter((s) => CHAIN_LOCK.test(s.query))) : 0;
  const totalLatency = latencies.reduce((a, b) => a + b, 0);
  return {
    mutations: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: errors.length,
    firstError: errors[0] ?? null,
    appCpuMs: ((appAfter - appBefore) * 1000) / ok,
    pgCpuMs: delta.pgCpuSeconds === null ? null : (delta.pgCpuSeconds * 1000) / ok,
    statements: all ? countStatements(all).all / ok : null,
    auditShare:
      all && dbTime ? time(all.filter((s) => AUDIT_STATEMENT.test(s.query))) / dbTime : null,
    chainLockMs: all ? lockTime / ok : null,
    chainLockShareOfLatency: all && totalLatency ? lockTime / totalLatency : null,
    dbMs: all ? dbTime / ok : null,
    top: all ? [...all].sort((a, b) => b.time - a.time).slice(0, 6) : [],
  };
}
