/**
 * One measured run: autocannon against one server for one read, with the server's and
 * PostgreSQL's CPU time and the SQL statements executed, read before and after.
 *
 * autocannon runs a fixed number of requests (`amount`), sized from the server's rate so that
 * it lasts about the wanted seconds, and waits for every answer: a duration-bound run abandons
 * the requests in flight at its deadline, which a slow server then keeps processing during the
 * next measurement (and at 20 connections on a busy machine a slow read may have none answered
 * within a few seconds).
 */
import autocannon from 'autocannon';
import type { HttpRequest } from './scenarios';
import type { RunningServer } from './servers';
import { countStatements, DbStats, processCpuSeconds } from './stats';

export interface Measurement {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Per request: milliseconds of CPU of the server process and of PostgreSQL. */
  appCpuMs: number;
  pgCpuMs: number | null;
  statements: number | null;
  /** Of which BEGIN/COMMIT/ROLLBACK/SAVEPOINT. */
  controlStatements: number | null;
}

const MAX_REQUESTS = 100_000;

async function run(
  server: RunningServer,
  request: HttpRequest,
  connections: number,
  amount: number,
): Promise<{ result: autocannon.Result; seconds: number }> {
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url: server.base + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    amount,
    timeout: 120,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  // autocannon notices the last answer only at its next sample tick (every second by default),
  // so its own end would round every run up to whole seconds: a fast server answering all
  // requests in 0.3 s would count as taking 1 s. The run lasts until the last answer.
  instance.on('response', () => {
    lastAnswer = performance.now();
  });
  const result = await instance;
  return { result, seconds: (Math.max(lastAnswer, started + 1) - started) / 1000 };
}

/** Requests per second of this server on this read at this concurrency, roughly. */
export async function rate(
  server: RunningServer,
  request: HttpRequest,
  connections: number,
): Promise<number> {
  const amount = Math.max(2, connections);
  const { result, seconds } = await run(server, request, connections, amount);
  return result.requests.total / seconds;
}

/** How many requests make a run of about `seconds` at `perSecond`. */
export function amountFor(perSecond: number, seconds: number, connections: number): number {
  return Math.min(MAX_REQUESTS, Math.max(connections, Math.ceil(perSecond * seconds)));
}

export async function measure(
  server: RunningServer,
  request: HttpRequest,
  connections: number,
  amount: number,
  stats: DbStats,
): Promise<Measurement> {
  const before = await stats.snapshot();
  const appBefore = processCpuSeconds(server.pid);
  const { result, seconds } = await run(server, request, connections, amount);
  const appAfter = processCpuSeconds(server.pid);
  const delta = DbStats.delta(before, await stats.snapshot());
  const answered = Math.max(1, result.requests.total);
  const counted = delta.statements ? countStatements(delta.statements) : null;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    appCpuMs: ((appAfter - appBefore) * 1000) / answered,
    pgCpuMs: delta.pgCpuSeconds === null ? null : (delta.pgCpuSeconds * 1000) / answered,
    statements: counted ? counted.all / answered : null,
    controlStatements: counted ? counted.control / answered : null,
  };
}
