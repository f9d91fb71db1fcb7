import { spawnSync } from 'node:child_process';

/** The operating-system account the embedded PostgreSQL runs as when Accord runs as root. */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function idOf(flag: '-u' | '-g'): number | null {
  const result = spawnSync('id', [flag, NAME], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

function createAccount(): void {
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run('getent', ['group', NAME]).status !== 0) run('groupadd', ['--system', NAME]);
  const created = run('useradd', [
    '--system',
    '--gid',
    NAME,
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    NAME,
  ]);
  if (created.status !== 0) {
    throw new Error(
      `PostgreSQL refuses to run as root, and the "${NAME}" account it would run as could not be ` +
        `created (${(created.stderr || String(created.error)).trim()}). Create it ` +
        `(useradd --system ${NAME}), run Accord as a user other than root, or set DATABASE_URL.`,
    );
  }
}

/**
 * PostgreSQL refuses to run as root: as root, the embedded server runs as `postgres`, created
 * (a system account without a login shell) when missing. Null when not root.
 */
export function serverAccount(): ServerAccount | null {
  if (!runningAsRoot()) return null;
  if (idOf('-u') === null) createAccount();
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === null || gid === null) throw new Error(`Could not find the "${NAME}" account`);
  return { name: NAME, uid, gid };
}

/** `test <flag> path` run as the account: false when any parent folder is closed to it. */
export function accountCan(
  account: ServerAccount,
  flag: '-x' | '-w' | '-r',
  path: string,
): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test ${flag} "$1"`, 'sh', path], {
    uid: account.uid,
    gid: account.gid,
    cwd: '/',
    stdio: 'ignore',
  });
  return result.status === 0;
}

/** Runs `<file> --version` as the account: checks it reaches the binary and its libraries. */
export function accountCanRun(account: ServerAccount, file: string): boolean {
  const result = spawnSync(file, ['--version'], {
    uid: account.uid,
    gid: account.gid,
    cwd: '/',
    stdio: 'ignore',
  });
  return result.status === 0;
}
