/**
 * npm run backup -- FILE
 * Writes one consistent snapshot of the whole app database (every table of its schema, the
 * migrations table included, and the sequences) into FILE while the API keeps serving: one
 * SERIALIZABLE READ ONLY DEFERRABLE transaction, each table read with COPY … TO STDOUT.
 * Database: DATABASE_URL, or the embedded one in DATA_DIR (./.data), a running API's server included.
 * Also `npm run accord -- backup FILE`.
 * The file format is described in tools/backup-format.ts.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { readEnvironment } from '../apps/api/src/config/read-environment';
import { appDatabaseForTools } from './app-database-for-tools';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupHeader,
  BackupTrailer,
  END_OF_TABLE,
  quoteIdent,
  tablesInDependencyOrder,
} from './backup-format';

async function writeSnapshot(client: Client, file: string): Promise<BackupHeader> {
  // DEFERRABLE waits for a snapshot no concurrent serializable transaction can invalidate.
  await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE');
  const migrations = await client
    .query<{ name: string }>('SELECT name FROM migrations ORDER BY id')
    .catch(() => {
      throw new Error('This database has no migrations table: it is not an Accord database');
    });
  const tables = await tablesInDependencyOrder(client);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    schemaVersion: migrations.rows[migrations.rows.length - 1]?.name ?? '',
    migrations: migrations.rows.map((m) => m.name),
    tables: [],
  };
  for (const table of tables) {
    const count = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${quoteIdent(table.name)}`,
    );
    header.tables.push({ ...table, rows: Number(count.rows[0].n) });
  }

  const out = createWriteStream(file, { mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(out);
  const write = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  await write(`${JSON.stringify(header)}\n`);
  const trailer: BackupTrailer = { sha256: {}, sequences: [] };
  for (const table of header.tables) {
    const hash = createHash('sha256');
    const columns = table.columns.map(quoteIdent).join(', ');
    const copy = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      hash.update(chunk);
      await write(chunk);
    }
    await write(`${END_OF_TABLE}\n`);
    trailer.sha256[table.name] = hash.digest('hex');
  }
  // Sequences are not transactional: read last, they are at least what the snapshot used.
  const sequences = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
  );
  for (const { name } of sequences.rows) {
    const value = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value, is_called FROM ${quoteIdent(name)}`,
    );
    trailer.sequences.push({
      name,
      lastValue: String(value.rows[0].last_value),
      isCalled: value.rows[0].is_called,
    });
  }
  await write(`${JSON.stringify(trailer)}\n`);
  gzip.end();
  await finished(out);
  await client.query('COMMIT');
  return header;
}

/** Writes the snapshot to `file` (which must not exist); returns what it wrote, for the operator. */
export async function backup(file: string): Promise<string> {
  if (existsSync(file)) throw new Error(`${file} already exists: choose a new file name`);
  const database = await appDatabaseForTools({ create: false });
  const partial = `${file}.partial`;
  try {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const header = await writeSnapshot(client, partial);
      renameSync(partial, file);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      return `Backed up ${header.tables.length} tables (${rows} rows), schema ${header.schemaVersion}, to ${file}`;
    } finally {
      await client.end();
    }
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await database.stop();
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run backup -- FILE   (FILE must not exist yet)');
  await readEnvironment();
  console.log(await backup(file));
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
