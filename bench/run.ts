/**
 * npm run bench: starts the API in its own process on a fresh embedded database (in a temporary
 * DATA_DIR) with the Pall Mall demo data, then measures a few representative requests with
 * autocannon from this process (loopback only, bounded in time). Figures are recorded in
 * docs/benchmarks.md.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, removeDataFolder } from '@accord/common';

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  authenticated?: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'participants page (public, 40 rows, no total)',
    query: '{ participants(first: 50) { edges { node { id name kind countryCode } } } }',
  },
  {
    name: 'participants page with totalCount (public)',
    query: '{ participants(first: 50) { totalCount edges { node { id name kind countryCode } } } }',
  },
  {
    name: 'adopted declaration with clauses and signatories (public)',
    query: `{ document(slug: "pall-mall-declaration-2024") { title status adoptedHash clauses { number text } signatures { participant { name } signedAt } } }`,
  },
  {
    name: 'me (authenticated: token checked, roles read fresh)',
    query: '{ me { id email delegation { role participant { name } } } }',
    authenticated: true,
  },
];

async function graphql(url: string, query: string, token?: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

/** The API as `npm start` runs it, in a child process, ready once /health answers 200. */
async function startApi(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    {
      cwd: join(__dirname, '..'),
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        LOG_LEVEL: 'error',
        DATABASE_URL: '',
        // autocannon sends thousands of requests a minute from one address.
        RATE_LIMIT_PER_MINUTE: '1000000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGINT');
  throw new Error('The API did not start within 2 minutes');
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  // Let requests autocannon abandoned at the deadline finish before the database stops.
  await new Promise((r) => setTimeout(r, 1000));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const port = await freePort();
  const api = await startApi(port, dataDir);
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    const login = await graphql(
      url,
      'mutation { login(email: "delegate.uk@accord.example", password: "pall-mall-demo-2024") { accessToken } }',
    );
    const token: string = login.data.login.accessToken;
    console.log(
      `Accord benchmark: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario, Node ${process.version}\n`,
    );
    console.log('| scenario | requests/s | p50 ms | p99 ms | errors |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const scenario of SCENARIOS) {
      const check = await graphql(url, scenario.query, scenario.authenticated ? token : undefined);
      if (check.errors) throw new Error(`${scenario.name}: ${JSON.stringify(check.errors)}`);
      const result = await autocannon({
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: DURATION_SECONDS,
        headers: {
          'content-type': 'application/json',
          ...(scenario.authenticated ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} }),
      });
      const errors = result.errors + result.non2xx;
      console.log(
        `| ${scenario.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} |`,
      );
    }
  } finally {
    await stopApi(api);
    // As root the cluster may live in /var/lib/accord: remove it too.
    removeDataFolder(dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
