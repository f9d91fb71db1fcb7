/**
 * Scratch A/B measurement (perf-data helper): starts the API on the scratch database, then for
 * each read sends N requests with autocannon and reports the API process's CPU ms per request
 * (utime+stime from /proc) and SQL statements per request. Not part of `npm run bench`.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { Client } from 'pg';

const DB = process.env.BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/perf_data_bench';
const PORT = Number(process.env.PORT ?? 7301);
const N = Number(process.env.N ?? 200);
const SECRET = 'perf-data-scratch-secret-that-is-long-enough-000';
const COUNT_FILE = `/tmp/perf-data-count-${PORT}`;
const ONLY = process.env.ONLY;

const SEC = '00000000-0000-4000-9000-000000000000';
const DELEGATE = '00000000-0000-4000-9000-000000000001';

const READS = [
  {
    name: 'signatories (public)',
    user: null,
    query: `{ document(slug: "bench-adopted") { title signatures { signedAt statement participant { name kind countryCode } } } }`,
  },
  {
    name: 'draft read (delegate)',
    user: DELEGATE,
    share: 0.1,
    query: `{ document(slug: "bench-draft") { title status clauses { id number kind text amendments { id kind text status rationale createdAt proposer { name } cosponsors { name } } comments { id body createdAt author { displayName } replies { id body } } } } }`,
  },
  {
    name: 'participants + members (secretariat)',
    user: SEC,
    query: `{ participants(first: 50) { edges { node { id name kind members { role user { id displayName email } } } } } }`,
  },
];

async function token(db: Client, userId: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO sessions ("userId", "refreshTokenHash", "expiresAt") VALUES ($1, repeat('0', 64), now() + interval '1 day') RETURNING id`,
    [userId],
  );
  return sign({ sub: userId, sid: rows[0].id }, SECRET, { algorithm: 'HS256', expiresIn: '1h' });
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

async function statements(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 200));
  return Number(readFileSync(COUNT_FILE, 'utf8'));
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: DB });
  await db.connect();
  const child = spawn(
    process.execPath,
    [
      ...(process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : []),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      '-r',
      join(__dirname, 'count-hook.js'),
      'apps/api/src/main.ts',
    ],
    {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        PORT: String(PORT),
        DATABASE_URL: DB,
        JWT_SECRET: SECRET,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        RATE_LIMIT_PER_MINUTE: '1000000',
        COUNT_FILE,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${PORT}/graphql`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url.replace('graphql', 'health'))).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 600) throw new Error('API did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    for (const read of READS) {
      if (ONLY && !read.name.includes(ONLY)) continue;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (read.user) headers.authorization = `Bearer ${await token(db, read.user)}`;
      const body = JSON.stringify({ query: read.query });
      const check = (await (await fetch(url, { method: 'POST', headers, body })).json()) as {
        errors?: unknown;
      };
      if (check.errors) throw new Error(`${read.name}: ${JSON.stringify(check.errors)}`);
      const size = JSON.stringify(check).length;
      // Warm up (JIT, caches), then measure.
      const n = Math.ceil(N * ((read as { share?: number }).share ?? 1));
      const connections = Math.min(10, Math.max(1, Math.floor(n / 5)));
      const options = { url, method: 'POST' as const, headers, body, timeout: 300 };
      await autocannon({ ...options, connections, amount: Math.ceil(n / 4) });
      const s0 = await statements(child.pid!);
      const c0 = cpuMs(child.pid!);
      const result = await autocannon({ ...options, connections, amount: n });
      const c1 = cpuMs(child.pid!);
      const s1 = await statements(child.pid!);
      const ok = result['2xx'];
      console.log(
        `${read.name.padEnd(40)} ${((c1 - c0) / ok).toFixed(2).padStart(7)} CPU ms/req  ` +
          `${((s1 - s0) / ok).toFixed(2).padStart(6)} stmts/req  ${result.requests.average.toFixed(1)} req/s  ` +
          `p50 ${result.latency.p50} ms  ${size} bytes  (${ok}/${n} ok)`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await db.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
