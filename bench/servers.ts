/**
 * The three servers, each its own process on the chosen Node: Accord as `npm run start:prod`
 * runs it (its env and Node flags read from package.json), PostGraphile 5, and the raw floor.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export type ServerName = 'Accord' | 'PostGraphile' | 'raw SQL';
export const SERVER_NAMES: ServerName[] = ['Accord', 'PostGraphile', 'raw SQL'];

export interface RunningServer {
  name: ServerName;
  pid: number;
  base: string;
  stop(): Promise<void>;
}

/** `NODE_ENV=production node --flag dist/apps/api/src/main.js` → env, flags and entry point. */
export function startProdCommand(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const script: string = pkg.scripts['start:prod'];
  const tokens = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (tokens.length && /^[A-Z_][A-Z0-9_]*=/.test(tokens[0])) {
    const [name, ...value] = tokens.shift()!.split('=');
    env[name] = value.join('=');
  }
  if (tokens.shift() !== 'node' || !tokens.length || tokens.some((t) => /[|&;<>$`]/.test(t)))
    throw new Error(
      `The bench reads "start:prod" as "[VAR=value…] node [flags…] entry.js"; got: ${script}`,
    );
  return { env, args: tokens };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm run build` unless dist/ is newer than every source file. */
export function buildIfStale(log: (m: string) => void): void {
  const main = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
  const sources = Math.max(newestMtime(join(ROOT, 'apps')), newestMtime(join(ROOT, 'libs')));
  if (existsSync(main) && statSync(main).mtimeMs > sources) return;
  log('dist/ is missing or older than the sources: npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitUntil(
  ready: () => Promise<boolean>,
  child: ChildProcess,
  name: string,
  logFile: string,
) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode}; see ${logFile}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer within 2 minutes; see ${logFile}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
}

export interface ServerOptions {
  node: string;
  databaseUrl: string;
  port: number;
  logDir: string;
}

export async function startServer(name: ServerName, o: ServerOptions): Promise<RunningServer> {
  const logFile = join(o.logDir, `${name.replace(/\W+/g, '-').toLowerCase()}.log`);
  const log = openSync(logFile, 'a');
  const base = `http://127.0.0.1:${o.port}`;
  const common = { ...process.env, PORT: String(o.port), DATABASE_URL: o.databaseUrl };
  let child: ChildProcess;
  let ready: () => Promise<boolean>;
  if (name === 'Accord') {
    const prod = startProdCommand();
    child = spawn(o.node, prod.args, {
      cwd: ROOT,
      env: {
        ...common,
        ...prod.env,
        HOST: '127.0.0.1',
        DATA_DIR: join(o.logDir, 'accord-data'),
        JWT_SECRET: randomBytes(48).toString('base64url'),
        AUDIT_CHECKPOINT_KEY: randomBytes(48).toString('base64url'),
        // Tokens must outlive the run; autocannon sends thousands of requests from one address.
        JWT_TTL: '2h',
        RATE_LIMIT_PER_MINUTE: '1000000',
        SEED_DEMO: 'false',
        // The generated secretariat officer has no second factor (see docs/benchmarks.md).
        REQUIRE_MFA_FOR_STAFF: 'false',
      },
      stdio: ['ignore', 'ignore', log],
    });
    ready = async () => (await fetch(`${base}/health`)).ok;
  } else {
    const file = name === 'PostGraphile' ? 'postgraphile-server.js' : 'raw-server.js';
    const args =
      name === 'PostGraphile'
        ? ['-r', join(__dirname, 'servers', 'node20-polyfill.js'), join(__dirname, 'servers', file)]
        : [join(__dirname, 'servers', file)];
    child = spawn(o.node, args, {
      cwd: ROOT,
      env: { ...common, NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
      stdio: ['ignore', log, log],
    });
    ready =
      name === 'PostGraphile'
        ? async () =>
            (
              await fetch(`${base}/graphql`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: '{"query":"{ __typename }"}',
              })
            ).ok
        : async () => (await fetch(`${base}/me?id=`)).ok;
  }
  await waitUntil(ready, child, name, logFile);
  return { name, pid: child.pid!, base, stop: stopper(child) };
}
