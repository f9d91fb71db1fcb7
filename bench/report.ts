/**
 * Medians over rounds, ratios, and the markdown section the bench writes into
 * docs/benchmarks.md between markers named after the servers' Node major version (so that a
 * run on Node 20 and one on Node 24 each keep their own section).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { Measurement } from './load';
import type { ReadScenario } from './scenarios';
import { ROOT, SERVER_NAMES, ServerName } from './servers';
import type { WriteMeasurement } from './writes';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per scenario, per server: the measurements of every round at N connections and at 1. */
export type ReadResults = Map<
  string,
  Record<ServerName, { many: Measurement[]; one: Measurement[] }>
>;
export type WriteResults = Map<string, WriteMeasurement[]>;

export interface RunInfo {
  date: string;
  node: string;
  postgres: string;
  seconds: number;
  writeSeconds: number;
  rounds: number;
  connections: number;
  writers: number;
  statementsCounted: boolean;
  minutes: number;
  /** The machine's 1-minute load average when the run started: how busy it was. */
  loadAverage: number;
}

const fmt = (n: number | null, digits = 0) =>
  n === null || Number.isNaN(n) ? 'n/a' : n.toFixed(digits);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
const pct = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 100)} %`);
function med(list: Measurement[], pick: (m: Measurement) => number | null): number | null {
  const values = list.map(pick).filter((v): v is number => v !== null);
  return values.length ? median(values) : null;
}

export function renderSection(
  info: RunInfo,
  scenarios: ReadScenario[],
  reads: ReadResults,
  writes: WriteResults,
): string {
  const lines: string[] = [];
  const cpu = cpus();
  lines.push(
    `Run of ${info.date}: servers on Node ${info.node}, ${info.postgres}; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, shared with the load generator; load average ${info.loadAverage.toFixed(1)} when the run started. ` +
      `${info.rounds} rounds alternating the servers' order, ${info.seconds} s per measurement, medians shown; the whole run took ${info.minutes.toFixed(1)} min.`,
    '',
    `**Throughput at ${info.connections} connections** (requests/s) and ratios:`,
    '',
    '| read | Accord | PostGraphile | raw SQL | Accord / PostGraphile | Accord / raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const s of scenarios) {
    const r = reads.get(s.key)!;
    const rps = (n: ServerName) => med(r[n].many, (m) => m.perSecond) ?? 0;
    lines.push(
      `| ${s.title} | ${fmt(rps('Accord'), 1)} | ${fmt(rps('PostGraphile'), 1)} | ${fmt(rps('raw SQL'), 1)} | **${ratio(rps('Accord'), rps('PostGraphile'))}** | ${ratio(rps('Accord'), rps('raw SQL'))} |`,
    );
  }
  lines.push(
    '',
    '**Latency at 1 connection** (p50 ms) and ratios:',
    '',
    '| read | Accord | PostGraphile | raw SQL | Accord / PostGraphile | Accord / raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const s of scenarios) {
    const r = reads.get(s.key)!;
    const p50 = (n: ServerName) => med(r[n].one, (m) => m.p50) ?? 0;
    lines.push(
      `| ${s.key} | ${fmt(p50('Accord'), 1)} | ${fmt(p50('PostGraphile'), 1)} | ${fmt(p50('raw SQL'), 1)} | ${ratio(p50('Accord'), p50('PostGraphile'))} | **${ratio(p50('Accord'), p50('raw SQL'))}** |`,
    );
  }
  lines.push(
    '',
    `**Cost per request** at ${info.connections} connections (medians): SQL statements (in brackets: of which BEGIN/COMMIT), CPU milliseconds of the server process and of PostgreSQL, p99 ms, errors (all rounds):`,
    '',
    '| read | server | statements | app CPU ms | PostgreSQL CPU ms | p99 ms | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const s of scenarios) {
    const r = reads.get(s.key)!;
    for (const n of SERVER_NAMES) {
      const list = r[n].many;
      const st = med(list, (m) => m.statements);
      const ctl = med(list, (m) => m.controlStatements);
      const errors = [...list, ...r[n].one].reduce((sum, m) => sum + m.errors, 0);
      lines.push(
        `| ${s.key} | ${n} | ${st === null ? 'n/a' : `${fmt(st, 1)} (${fmt(ctl, 1)})`} | ${fmt(
          med(list, (m) => m.appCpuMs),
          2,
        )} | ${fmt(
          med(list, (m) => m.pgCpuMs),
          2,
        )} | ${fmt(med(list, (m) => m.p99))} | ${errors} |`,
      );
    }
  }
  const targets: string[] = [];
  for (const s of scenarios.filter((x) => x.key !== 'me')) {
    const r = reads.get(s.key)!;
    const x =
      (med(r.Accord.many, (m) => m.perSecond) ?? 0) /
      (med(r.PostGraphile.many, (m) => m.perSecond) || 1);
    targets.push(
      `${s.key} Accord/PostGraphile ${x.toFixed(2)} (target ≥ 1.2: ${x >= 1.2 ? 'met' : 'not met'})`,
    );
  }
  const draft = reads.get('draft');
  if (draft) {
    const x =
      (med(draft.Accord.one, (m) => m.p50) ?? 0) / (med(draft['raw SQL'].one, (m) => m.p50) || 1);
    targets.push(
      `draft p50 Accord/raw ${x.toFixed(2)} (target ≤ 1.5: ${x <= 1.5 ? 'met' : 'not met'})`,
    );
  }
  lines.push('', `Targets of issue 10, in this run: ${targets.join('; ')}.`);

  lines.push(
    '',
    `**Writes** (Accord only): ${info.writers} delegates of distinct participants, each with its own session, alternately \`addComment\` and \`proposeAmendment\`, ${info.writeSeconds} s per measurement, medians over ${info.rounds} rounds:`,
    '',
    '| writes | mutations/s | p50 ms | p99 ms | statements | app CPU ms | PostgreSQL CPU ms | DB time ms | audit share of DB time | chain-lock wait ms | chain-lock share of latency | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [title, list] of writes) {
    const m = (pick: (w: WriteMeasurement) => number | null) => {
      const values = list.map(pick).filter((v): v is number => v !== null);
      return values.length ? median(values) : null;
    };
    lines.push(
      `| ${title} | ${fmt(
        m((w) => w.perSecond),
        1,
      )} | ${fmt(m((w) => w.p50))} | ${fmt(m((w) => w.p99))} | ${fmt(
        m((w) => w.statements),
        1,
      )} | ${fmt(
        m((w) => w.appCpuMs),
        2,
      )} | ${fmt(
        m((w) => w.pgCpuMs),
        2,
      )} | ${fmt(
        m((w) => w.dbMs),
        1,
      )} | ${pct(m((w) => w.auditShare))} | ${fmt(
        m((w) => w.chainLockMs),
        1,
      )} | ${pct(m((w) => w.chainLockShareOfLatency))} | ${list.reduce((s, w) => s + w.errors, 0)} |`,
    );
  }
  if (info.statementsCounted)
    lines.push(
      '',
      "Where the writes' database time went (last round, execution time per mutation, lock waits included):",
      '',
    );
  for (const [title, list] of writes) {
    const last = list[list.length - 1];
    if (!last?.top.length) continue;
    const top = last.top
      .slice(0, 3)
      .map(
        (s) =>
          `${(s.time / Math.max(1, last.mutations)).toFixed(1)} ms \`${s.query.replace(/\s+/g, ' ').trim().slice(0, 70)}…\``,
      );
    lines.push(`- ${title}: ${top.join('; ')}`);
  }
  if (!info.statementsCounted)
    lines.push(
      '',
      'pg_stat_statements was not loaded on this server: statements and the audit share are n/a.',
    );
  return lines.join('\n');
}

const DOC = join(ROOT, 'docs', 'benchmarks.md');

/**
 * Replaces the section of this Node major between its markers (appended at the end if absent),
 * formatted by prettier with the project's settings so that `npm run lint` stays green.
 */
export async function writeSection(nodeVersion: string, section: string): Promise<string> {
  const major = nodeVersion.replace(/^v/, '').split('.')[0];
  const begin = `<!-- bench:node${major}:begin (written by npm run bench; edits are replaced) -->`;
  const end = `<!-- bench:node${major}:end -->`;
  const block = `${begin}\n\n### Node ${major}\n\n${section}\n\n${end}`;
  const text = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(`<!-- bench:node${major}:begin`);
  const stop = text.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? text.slice(0, start) + block + text.slice(stop + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await prettier.format(next, { ...options, filepath: DOC }));
  return DOC;
}
