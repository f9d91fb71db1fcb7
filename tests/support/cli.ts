import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run accord -- <args>` as an operator runs it, in a child process. `env` replaces the
 * database variables of the suite's environment (DATABASE_URL is removed unless given).
 */
export function accord(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'JWT_SECRET', 'DATA_DIR', 'ENV_FILE', 'SEED_DEMO'])
    delete env[name];
  Object.assign(env, options.env);
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/cli/src/main.ts',
      ...args,
    ],
    { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A reset ticket as the CLI prints it: 256 random bits, base64url, alone on its line. */
export function ticketIn(stdout: string): string {
  const match = /^([A-Za-z0-9_-]{43})$/m.exec(stdout);
  if (!match) throw new Error(`No ticket in:\n${stdout}`);
  return match[1];
}

/** No stack trace reached the operator. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
