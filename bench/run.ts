/**
 * npm run bench: starts the API on a fresh embedded database (or DATABASE_URL's server) with
 * the Pall Mall demo data, then measures a few representative requests with autocannon
 * (loopback only, bounded in time). Figures are recorded in docs/benchmarks.md.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, loadConfig } from '@accord/common';
import { startApi } from '../apps/api/src/bootstrap';

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
    name: 'participants (public list, 40 rows)',
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

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const port = await freePort();
  const config = {
    ...loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
    }),
  };
  const api = await startApi(config);
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
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
