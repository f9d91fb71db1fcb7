/**
 * npm run bench:start [-- ROUNDS]
 * How long `start:prod` takes on a fresh data folder, against the embedded PostgreSQL's own
 * initialise + start on a fresh folder, and the ratio. Needs `npm run build` first (it runs the
 * built app, dist/apps/api/src/main.js). Per round, alternating: PostgreSQL alone (initdb, start,
 * the app role: EmbeddedDatabase.start(), as the app does it), then start:prod without and with
 * SEED_DEMO=true, each timed from spawn to the first 200 of /health. Prints medians.
 */
import { EmbeddedDatabase, removeDataFolder } from '@accord/common';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const READY_TIMEOUT_MS = 120_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

function freshFolder(): string {
  return mkdtempSync(join(tmpdir(), 'accord-start-'));
}

function cleanUp(dir: string): void {
  removeDataFolder(dir);
  rmSync(dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** initdb + start + the app's role, as `start:prod` does before anything of the app runs. */
async function postgresAlone(): Promise<{ start: number; withDatabase: number }> {
  const dir = freshFolder();
  const database = new EmbeddedDatabase(dir);
  try {
    const t0 = performance.now();
    await database.start();
    const start = performance.now() - t0;
    await database.ensureDatabase('accord');
    return { start, withDatabase: performance.now() - t0 };
  } finally {
    await database.stop();
    cleanUp(dir);
  }
}

/** Spawn to the first 200 of /health, then a clean stop (SIGTERM). */
async function startProd(seed: boolean): Promise<number> {
  const dir = freshFolder();
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: String(seed),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start:prod exited with ${child.exitCode}`);
      if (performance.now() - t0 > READY_TIMEOUT_MS) throw new Error('start:prod never got ready');
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) return performance.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    cleanUp(dir);
  }
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const rounds = Number(process.argv[2] ?? 3);
  const alone: number[] = [];
  const aloneWithDatabase: number[] = [];
  const bare: number[] = [];
  const seeded: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const pg = await postgresAlone();
    alone.push(pg.start);
    aloneWithDatabase.push(pg.withDatabase);
    bare.push(await startProd(false));
    seeded.push(await startProd(true));
    console.log(
      `round ${round}: PostgreSQL ${pg.start.toFixed(0)} ms (+ database ${pg.withDatabase.toFixed(0)} ms), ` +
        `start:prod ${bare[bare.length - 1].toFixed(0)} ms, with SEED_DEMO ${seeded[seeded.length - 1].toFixed(0)} ms`,
    );
  }
  const pg = median(alone);
  const row = (name: string, ms: number) =>
    `| ${name} | ${(ms / 1000).toFixed(2)} s | ${(ms / pg).toFixed(2)} × |`;
  console.log(`\nMedians of ${rounds} rounds on fresh data folders:\n`);
  console.log('| start | time | / PostgreSQL initialise + start |');
  console.log('| --- | ---: | ---: |');
  console.log(row('embedded PostgreSQL: initdb + start + app role', pg));
  console.log(row('… and CREATE DATABASE', median(aloneWithDatabase)));
  console.log(row('`start:prod` to /health 200', median(bare)));
  console.log(row('`start:prod` with SEED_DEMO=true', median(seeded)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
