import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { binary, packagedPostgres } from './postgres-binaries';
import { accountCan, accountCanRun, ServerAccount } from './server-account';

/** Where binaries and data go when the `postgres` account cannot reach the clone (root, 0700 home). */
export const SHARED_ROOT = '/var/lib/accord';

export interface ClusterLayout {
  /** Folder with bin/, lib/, share/ that the server account can run. */
  binaries: string;
  /** The cluster's data folder (PGDATA). */
  clusterDir: string;
}

function unreachable(what: string, path: string, cause: string): Error {
  return new Error(
    `The embedded PostgreSQL runs as the "postgres" account (PostgreSQL refuses to run as root), ` +
      `which cannot reach ${what} ${path}: ${cause}. Set DATA_DIR to a folder every parent of ` +
      `which others may enter (for example /var/lib/accord-data), run Accord as a user other than ` +
      `root, or set DATABASE_URL.`,
  );
}

function makeSharedRoot(): void {
  try {
    mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw unreachable(
      'the data folder',
      SHARED_ROOT,
      `it could not be created (${(error as Error).message})`,
    );
  }
}

/** A copy of the packaged binaries under SHARED_ROOT, made once per version (atomically). */
function sharedBinaries(account: ServerAccount): string {
  const packaged = packagedPostgres();
  const target = join(SHARED_ROOT, `postgresql-${packaged.version}`);
  const done = join(target, '.complete');
  if (!existsSync(done)) {
    makeSharedRoot();
    const staging = mkdtempSync(join(SHARED_ROOT, '.postgresql-'));
    cpSync(packaged.root, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    writeFileSync(join(staging, '.complete'), `${packaged.root}\n`);
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another start copied them at the same time: keep theirs.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(done)) throw error;
    }
  }
  if (!accountCanRun(account, binary(target, 'postgres')))
    throw unreachable('the PostgreSQL binaries in', target, 'they cannot be run');
  return target;
}

/** A new cluster outside DATA_DIR, owned by the account; DATA_DIR/pg becomes a link to it. */
function sharedClusterDir(account: ServerAccount, link: string): string {
  makeSharedRoot();
  if (!accountCan(account, '-x', SHARED_ROOT))
    throw unreachable('the data folder', SHARED_ROOT, 'one of its parent folders is closed');
  const home = mkdtempSync(join(SHARED_ROOT, 'data-'));
  chownSync(home, account.uid, account.gid);
  const clusterDir = join(home, 'pg');
  symlinkSync(clusterDir, link);
  return clusterDir;
}

/**
 * Binaries and cluster folder for a data folder. Without a server account (not root), both
 * stay where they are. As root, the `postgres` account must reach them through every parent
 * folder: when it cannot (a clone under a 0700 home), the binaries are copied once to
 * /var/lib/accord/postgresql-<version> and a new cluster is made in /var/lib/accord/data-*,
 * linked from DATA_DIR/pg so that later starts find it.
 */
export function clusterLayout(dataDir: string, account: ServerAccount | null): ClusterLayout {
  const packaged = packagedPostgres().root;
  const link = join(dataDir, 'pg');
  const entry = lstatSync(link, { throwIfNoEntry: false });
  if (!account) return { binaries: packaged, clusterDir: link };

  const binaries = accountCanRun(account, binary(packaged, 'postgres'))
    ? packaged
    : sharedBinaries(account);
  let clusterDir: string;
  if (entry?.isSymbolicLink()) {
    if (!existsSync(link))
      throw new Error(`${link} links to a missing folder: restore it or remove the link`);
    clusterDir = realpathSync(link);
  } else if (entry) {
    clusterDir = link;
  } else if (accountCan(account, '-x', dataDir)) {
    clusterDir = link;
  } else {
    clusterDir = sharedClusterDir(account, link);
  }
  if (existsSync(clusterDir) && !accountCan(account, '-w', clusterDir))
    throw unreachable('its data folder', clusterDir, 'a parent folder is closed to it');
  return { binaries, clusterDir };
}

/**
 * Deletes a throwaway data folder and, when its cluster was placed under SHARED_ROOT, that
 * cluster too (deleting DATA_DIR alone would leave it behind). Stop the server first.
 */
export function removeDataFolder(dataDir: string): void {
  const link = join(dataDir, 'pg');
  if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink() && existsSync(link)) {
    const home = dirname(realpathSync(link));
    if (dirname(home) === SHARED_ROOT && basename(home).startsWith('data-'))
      rmSync(home, { recursive: true, force: true });
  }
  rmSync(dataDir, { recursive: true, force: true });
}
