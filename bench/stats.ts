/**
 * What a scenario cost, read before and after it: SQL statements (pg_stat_statements, only this
 * database, without the bench's own reads) and CPU time (utime+stime from /proc) of a server
 * process and of PostgreSQL (the postmaster, the children it reaped, and its live children).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Marks the bench's own statements so that they are left out of the counts. */
const TAG = '/* bench-stats */';

let ticksPerSecond = 0;
function clockTicks(): number {
  if (!ticksPerSecond) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may contain spaces: state is field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds used by a process (utime+stime), plus those of its reaped children if asked. */
export function processCpuSeconds(pid: number, withReapedChildren = false): number {
  const f = statFields(pid);
  if (!f) return 0;
  // Offsets from field 3 (state): utime 14, stime 15, cutime 16, cstime 17.
  let ticks = Number(f[11]) + Number(f[12]);
  if (withReapedChildren) ticks += Number(f[13]) + Number(f[14]);
  return ticks / clockTicks();
}

function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === parent) pids.push(Number(name));
  }
  return pids;
}

export interface StatementStat {
  calls: number;
  /** Milliseconds of execution (lock waits inside a statement included). */
  time: number;
  query: string;
}

export interface Snapshot {
  statements: Map<string, StatementStat> | null;
  pgCpu: number | null;
}

export interface Delta {
  /** Statements per queryid executed between two snapshots; null without pg_stat_statements. */
  statements: StatementStat[] | null;
  pgCpuSeconds: number | null;
}

export class DbStats {
  private client!: Client;
  private postmaster = 0;
  private hasStatements = false;

  constructor(private readonly adminUrl: string) {}

  async open(): Promise<void> {
    this.client = new Client({ connectionString: this.adminUrl });
    await this.client.connect();
    const { rows } = await this.client.query(
      `${TAG} SELECT pg_backend_pid() AS pid,
         EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS ext`,
    );
    this.hasStatements = rows[0].ext;
    // Only a server on this machine: its backend is a child of the postmaster.
    const host = new URL(this.adminUrl).hostname;
    if (['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
      const f = statFields(rows[0].pid);
      if (f) this.postmaster = Number(f[1]);
    }
  }

  get countsStatements(): boolean {
    return this.hasStatements;
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  private pgCpu(): number | null {
    if (!this.postmaster) return null;
    let seconds = processCpuSeconds(this.postmaster, true);
    for (const pid of childrenOf(this.postmaster)) seconds += processCpuSeconds(pid);
    return seconds;
  }

  async snapshot(): Promise<Snapshot> {
    let statements: Map<string, StatementStat> | null = null;
    if (this.hasStatements) {
      const { rows } = await this.client.query(
        `${TAG} SELECT s.queryid::text AS id, s.calls::float8 AS calls,
                s.total_exec_time AS time, s.query
           FROM pg_stat_statements s
          WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND s.query NOT LIKE '%bench-stats%'`,
      );
      statements = new Map(
        rows.map((r) => [r.id, { calls: Number(r.calls), time: Number(r.time), query: r.query }]),
      );
    }
    return { statements, pgCpu: this.pgCpu() };
  }

  static delta(before: Snapshot, after: Snapshot): Delta {
    let statements: StatementStat[] | null = null;
    if (before.statements && after.statements) {
      statements = [];
      for (const [id, now] of after.statements) {
        const then = before.statements.get(id);
        const calls = now.calls - (then?.calls ?? 0);
        if (calls > 0)
          statements.push({ calls, time: now.time - (then?.time ?? 0), query: now.query });
      }
    }
    const pgCpuSeconds =
      before.pgCpu !== null && after.pgCpu !== null ? after.pgCpu - before.pgCpu : null;
    return { statements, pgCpuSeconds };
  }
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** Statements executed, and how many of them were BEGIN/COMMIT/ROLLBACK/SAVEPOINT. */
export function countStatements(statements: StatementStat[]): { all: number; control: number } {
  let all = 0;
  let control = 0;
  for (const s of statements) {
    all += s.calls;
    if (TRANSACTION_CONTROL.test(s.query)) control += s.calls;
  }
  return { all, control };
}
