/**
 * npm run bench: Accord, PostGraphile 5 and a raw-SQL floor, each in its own process, over one
 * PostgreSQL database with the same generated data. Checks that the three return the same data,
 * then measures reads (throughput at BENCH_CONNECTIONS, p50 at 1 connection) over BENCH_ROUNDS
 * rounds alternating the servers' order, then Accord's writes, and writes the medians and
 * ratios into docs/benchmarks.md. See docs/benchmarks.md for the method and the settings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { freePort } from '@accord/common';
import { checkSameData } from './check';
import { loadBenchConfig } from './config';
import { BENCH_PASSWORD, BenchData, generateData } from './data';
import { startDatabase } from './database';
import { amountFor, measure, rate } from './load';
import { ReadResults, renderSection, WriteResults, writeSection } from './report';
import { readScenarios } from './scenarios';
import { buildIfStale, RunningServer, SERVER_NAMES, startServer } from './servers';
import { DbStats } from './stats';
import { measureWrites, Writer } from './writes';

const log = (message: string) => console.log(message);

async function login(accord: RunningServer, email: string): Promise<string> {
  const response = await fetch(`${accord.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      variables: { email, password: BENCH_PASSWORD },
    }),
  });
  const answer: any = await response.json();
  const token = answer?.data?.login?.accessToken;
  if (!token) throw new Error(`Login of ${email} failed: ${JSON.stringify(answer.errors)}`);
  return token;
}

/** A few logins at a time: each costs an argon2 verification. */
async function loginAll(accord: RunningServer, emails: string[]): Promise<string[]> {
  const tokens: string[] = new Array(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      tokens[i] = await login(accord, emails[i]);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return tokens;
}

function writers(data: BenchData, tokens: string[], spread: boolean): Writer[] {
  return tokens.map((token, i) => ({
    token,
    clauseIds: spread
      ? data.writeDrafts[i % data.writeDrafts.length].clauseIds
      : data.draftClauseIds,
  }));
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAverage = loadavg()[0];
  const config = loadBenchConfig();
  const nodeVersion = execFileSync(config.node, ['--version']).toString().trim();
  log(
    `Accord benchmark: servers on Node ${nodeVersion} (${config.node}), ${config.rounds} rounds, ${config.seconds} s per measurement, ${config.connections} connections`,
  );
  if (config.build) buildIfStale(log);
  const workDir = mkdtempSync(join(tmpdir(), 'accord-bench-logs-'));
  const db = await startDatabase(config.databaseUrl);
  const servers: RunningServer[] = [];
  const stats = new DbStats(db.adminUrl);
  const cleanUp = async () => {
    await stats.close().catch(() => undefined);
    for (const server of servers) await server.stop().catch(() => undefined);
    await db.stop();
  };
  // Ctrl-C: stop the servers and the database cluster rather than leave them running.
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the servers and the database`);
    cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    log(`${db.description}; generating data…`);
    const data = await generateData(db.appUrl);
    for (const name of SERVER_NAMES)
      servers.push(
        await startServer(name, {
          node: config.node,
          databaseUrl: db.appUrl,
          port: await freePort(),
          logDir: workDir,
        }),
      );
    const accord = servers[0];
    log(`Servers up (logs in ${workDir}); logging in ${config.writers + 2} users…`);
    const [reader, secretariat, ...writerTokens] = await loginAll(accord, [
      data.reader.email,
      data.secretariat.email,
      ...data.writers.slice(0, config.writers).map((w) => w.email),
    ]);
    const scenarios = readScenarios(data, { reader, secretariat });
    log('Checking that the three servers return the same data:');
    await checkSameData(servers, scenarios, log);
    await stats.open();

    // Warm-up (JIT, pools, caches) and a first estimate of each rate, to size the runs.
    log('Warming up…');
    const rates = new Map<string, number>();
    for (const scenario of scenarios)
      for (const server of servers)
        for (const connections of [config.connections, 1]) {
          const request = scenario.requests[server.name];
          const estimate = await rate(server, request, connections);
          const warm = await measure(
            server,
            request,
            connections,
            amountFor(estimate, 1, connections),
            stats,
          );
          rates.set(`${scenario.key}/${server.name}/${connections}`, warm.perSecond);
        }

    const reads: ReadResults = new Map();
    for (const s of scenarios)
      reads.set(s.key, {
        Accord: { many: [], one: [] },
        PostGraphile: { many: [], one: [] },
        'raw SQL': { many: [], one: [] },
      });
    for (let round = 0; round < config.rounds; round++) {
      // Each round starts with another server, so that none always runs first or last.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      log(`Round ${round + 1}/${config.rounds}: ${order.map((s) => s.name).join(', ')}`);
      for (const scenario of scenarios) {
        for (const server of order) {
          const request = scenario.requests[server.name];
          // Sized from the latest rate measured, so that each run lasts about BENCH_SECONDS.
          const sized = async (connections: number) => {
            const key = `${scenario.key}/${server.name}/${connections}`;
            const amount = amountFor(rates.get(key)!, config.seconds, connections);
            const m = await measure(server, request, connections, amount, stats);
            rates.set(key, m.perSecond);
            return m;
          };
          const many = await sized(config.connections);
          const one = await sized(1);
          reads.get(scenario.key)![server.name].many.push(many);
          reads.get(scenario.key)![server.name].one.push(one);
          log(
            `  ${scenario.key.padEnd(12)} ${server.name.padEnd(12)} ${many.perSecond.toFixed(1).padStart(7)} req/s  p50@1 ${String(one.p50).padStart(5)} ms  app ${many.appCpuMs.toFixed(2)} ms  pg ${many.pgCpuMs?.toFixed(2) ?? 'n/a'} ms  sql ${many.statements?.toFixed(1) ?? 'n/a'}/req  errors ${many.errors + one.errors}`,
          );
        }
      }
    }

    const writeTitles = {
      one: `${config.writers} delegates on one draft`,
      spread: `${config.writers} delegates, each on its own draft`,
    };
    const writes: WriteResults = new Map([
      [writeTitles.one, []],
      [writeTitles.spread, []],
    ]);
    for (let round = 0; round < config.rounds; round++) {
      for (const spread of round % 2 ? [true, false] : [false, true]) {
        const title = spread ? writeTitles.spread : writeTitles.one;
        const m = await measureWrites(
          accord,
          writers(data, writerTokens, spread),
          config.writeSeconds,
          stats,
        );
        writes.get(title)!.push(m);
        log(
          `  writes: ${title}: ${m.perSecond.toFixed(1)} mutations/s p50 ${m.p50.toFixed(0)} ms p99 ${m.p99.toFixed(0)} ms, audit ${m.auditShare === null ? 'n/a' : Math.round(m.auditShare * 100) + ' %'} of DB time, chain lock ${m.chainLockMs?.toFixed(1) ?? 'n/a'} ms/mutation, errors ${m.errors}${m.firstError ? ` (first: ${m.firstError.slice(0, 200)})` : ''}`,
        );
        if (round === config.rounds - 1)
          for (const s of m.top)
            log(
              `      ${(s.time / Math.max(1, m.mutations)).toFixed(2)} ms/mutation  ${s.calls} × ${s.query.replace(/\s+/g, ' ').slice(0, 110)}`,
            );
      }
    }

    const section = renderSection(
      {
        date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        node: nodeVersion.replace(/^v/, ''),
        postgres: db.description,
        seconds: config.seconds,
        writeSeconds: config.writeSeconds,
        rounds: config.rounds,
        connections: config.connections,
        writers: config.writers,
        statementsCounted: stats.countsStatements,
        minutes: (Date.now() - started) / 60_000,
        loadAverage,
      },
      scenarios,
      reads,
      writes,
    );
    log(`\n${section}\n`);
    if (config.writeDoc) log(`Written to ${await writeSection(nodeVersion, section)}`);
    rmSync(workDir, { recursive: true, force: true });
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
