import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..');

/**
 * A PostgreSQL cluster of the test's own (an EmbeddedDatabase in a child process), which the
 * test may stop, start again on the same data folder and port, or freeze: what an outage or
 * a hung server looks like to the app, without touching the suite's shared cluster.
 */
export class ThrowawayDatabase {
  readonly dir = join(ROOT, '.data', `test-durability-${randomBytes(4).toString('hex')}`);
  private child?: ChildProcessWithoutNullStreams;
  running = false;
  private answers: ((line: string) => void)[] = [];

  async start(): Promise<void> {
    if (!this.child) {
      this.child = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          join(__dirname, 'durability-database.process.ts'),
          this.dir,
        ],
        { cwd: ROOT, stdio: 'pipe' },
      );
      this.child.stderr.resume();
      createInterface({ input: this.child.stdout }).on('line', (line) =>
        this.answers.shift()?.(line),
      );
    }
    await this.command('start');
    this.running = true;
  }

  /** Creates the database and returns its URL. */
  async database(name: string): Promise<string> {
    return (await this.command(`ensure ${name}`)).url as string;
  }

  async stop(): Promise<void> {
    await this.command('stop');
    this.running = false;
  }

  /** SIGSTOP (or SIGCONT) the postmaster and every server process: a server that hangs. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    const postmaster = Number(
      readFileSync(join(this.dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => parentOf(pid) === postmaster);
    for (const pid of [postmaster, ...children]) process.kill(pid, signal);
  }

  /** Stops the cluster, ends the child and removes the data folder. */
  async destroy(): Promise<void> {
    if (this.child) {
      const exited = new Promise((resolve) => this.child!.once('exit', resolve));
      this.child.stdin.end();
      await exited;
    }
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }

  private command(line: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.answers.push((answer) => {
        const parsed = JSON.parse(answer) as Record<string, unknown>;
        if (parsed.ok) resolve(parsed);
        else reject(new Error(String(parsed.error)));
      });
      this.child!.stdin.write(`${line}\n`);
    });
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns true (or the test times out). */
export async function eventually(probe: () => Promise<boolean>, everyMs = 250): Promise<void> {
  while (!(await probe())) await sleep(everyMs);
}
