import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDataFolder } from '@accord/common';

/**
 * A throwaway DATA_DIR inside a folder closed to others (mode 0700, like root's home): as
 * root, the embedded server's `postgres` account cannot reach it, so the cluster goes to
 * /var/lib/accord. `remove` deletes both.
 */
export function closedDataFolder(): { dir: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'accord-closed-'));
  chmodSync(parent, 0o700);
  const dir = join(parent, 'data');
  return {
    dir,
    remove: () => {
      removeDataFolder(dir);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** The port a running cluster listens on (line 4 of postmaster.pid). */
export function postmasterOf(clusterDir: string): { pid: number; port: number } {
  const lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}
