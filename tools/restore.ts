/**
 * npm run restore -- FILE
 * (also `npm run accord -- restore FILE`)
 * Restores a backup written by `npm run backup` into an empty database: DATABASE_URL's, or the
 * embedded one in DATA_DIR (./.data; an empty or new data folder). Refuses a database that holds
 * tables, and a backup whose schema has a migration this version of Accord does not know.
 * Runs the migrations up to the backup's schema, then copies every table in dependency order,
 * all in one transaction: a failed restore leaves the database as empty as it found it.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor, MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { readEnvironment } from '../apps/api/src/config/read-environment';
import { appDatabaseForTools } from './app-database-for-tools';
import { dataDirLabel } from './database-for-tools';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupHeader,
  BackupTrailer,
  END_OF_TABLE,
  quoteIdent,
  relationsInSchema,
} from './backup-format';

type Lines = AsyncIterator<string>;

async function nextLine(lines: Lines, what: string): Promise<string> {
  const next = await lines.next();
  if (next.done)
    throw new Error(`The backup file ends early (while reading ${what}): it is incomplete`);
  return next.value;
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line) as BackupHeader;
  } catch {
    throw new Error('This is not an Accord backup file (no header)');
  }
  if (header?.format !== BACKUP_FORMAT) throw new Error('This is not an Accord backup file');
  if (header.formatVersion > BACKUP_FORMAT_VERSION)
    throw new Error(
      `This backup uses format ${header.formatVersion}; this version of Accord reads format ${BACKUP_FORMAT_VERSION} only`,
    );
  return header;
}

/** The migrations of this code up to the backup's schema; refuses a backup from a newer schema. */
function migrationsUpTo(header: BackupHeader, known: MigrationInterface[]): MigrationInterface[] {
  const names = known.map((m) => m.name ?? m.constructor.name);
  const unknown = header.migrations.filter((name) => !names.includes(name));
  if (unknown.length) {
    throw new Error(
      `This backup comes from a newer version of Accord: its schema (${header.schemaVersion}) includes ` +
        `migration(s) this version does not know: ${unknown.join(', ')}. ` +
        'Restore it with the version of Accord that made it, or a newer one.',
    );
  }
  return known.slice(0, names.indexOf(header.schemaVersion) + 1);
}

/** Copies one table's rows into it; with no client, reads past them (a table skipped). */
async function copyTable(
  client: Client | null,
  table: BackupHeader['tables'][number],
  lines: Lines,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  const columns = table.columns.map(quoteIdent).join(', ');
  const stream = client?.query(copyFrom(`COPY ${quoteIdent(table.name)} (${columns}) FROM STDIN`));
  let rows = 0;
  for (;;) {
    const line = await nextLine(lines, `table ${table.name}`);
    if (line === END_OF_TABLE) break;
    rows++;
    hash.update(`${line}\n`);
    if (stream && !stream.write(`${line}\n`)) await once(stream, 'drain');
  }
  if (stream) {
    stream.end();
    await finished(stream);
  }
  return { rows: stream?.rowCount ?? rows, sha256: hash.digest('hex') };
}

async function tableNames(client: Client): Promise<Set<string>> {
  const found = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S')`,
  );
  return new Set(found.rows.map((r) => r.relname));
}

async function restore(
  url: string,
  file: string,
): Promise<{ header: BackupHeader; skipped: string[] }> {
  const lines: Lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  })[Symbol.asyncIterator]();
  const header = parseHeader(await nextLine(lines, 'the header'));

  const source = new DataSource({ ...dataSourceOptions(url), logging: ['error'] });
  await source.initialize();
  const runner = source.createQueryRunner();
  try {
    const wanted = migrationsUpTo(header, source.migrations);
    // The executor reads the data source's list: give it only the migrations up to the backup's.
    Object.defineProperty(source, 'migrations', { value: wanted });
    const client = (await runner.connect()) as Client;
    const present = await relationsInSchema(client);
    if (present.length) {
      throw new Error(
        `The target database is not empty (it holds ${present.join(', ')}): restore only into an empty data folder or database`,
      );
    }
    await runner.startTransaction();
    const executor = new MigrationExecutor(source, runner);
    executor.transaction = 'none';
    await executor.executePendingMigrations();
    // The backup's own migration rows (ids, timestamps) replace the ones just written.
    await client.query('DELETE FROM migrations');
    // A table no migration creates (made at run time by a library, e.g. a rate limiter's) is skipped.
    const existing = await tableNames(client);
    const skipped = header.tables.filter((t) => !existing.has(t.name)).map((t) => t.name);
    for (const table of header.tables.filter((t) => existing.has(t.name)))
      await client.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    const copied: Record<string, { rows: number; sha256: string }> = {};
    for (const table of header.tables)
      copied[table.name] = await copyTable(existing.has(table.name) ? client : null, table, lines);
    const trailer = JSON.parse(await nextLine(lines, 'the trailer')) as BackupTrailer;
    for (const table of header.tables) {
      const got = copied[table.name];
      if (got.rows !== table.rows || got.sha256 !== trailer.sha256[table.name])
        throw new Error(
          `Table ${table.name} does not match the backup (${got.rows} rows of ${table.rows}, or a different checksum): the file is damaged`,
        );
      if (existing.has(table.name))
        await client.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    }
    for (const sequence of trailer.sequences.filter((q) => existing.has(q.name)))
      await client.query('SELECT setval($1::regclass, $2, $3)', [
        quoteIdent(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    await runner.commitTransaction();
    return { header, skipped };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
    await source.destroy();
  }
}

/** Restores `file` into the empty app database; returns what it did, for the operator. */
export async function restoreFile(file: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const database = await appDatabaseForTools({ create: true });
  try {
    if (database.runningApi)
      throw new Error(
        `The Accord API is running on ${dataDirLabel()} and holds its database: restore only into an empty ` +
          'data folder. Run the restore with DATA_DIR set to a new folder, then start the API with that DATA_DIR.',
      );
    const { header, skipped } = await restore(database.url, file);
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    const lines = [];
    if (skipped.length)
      lines.push(
        `Skipped ${skipped.join(', ')}: no migration creates them (tables a library makes at run time; it recreates them).`,
      );
    lines.push(
      `Restored ${header.tables.length} tables (${rows} rows) from ${file} (made ${header.createdAt}, schema ${header.schemaVersion}).\n` +
        'The audit checkpoints verify only with the key that signed them: keep AUDIT_CHECKPOINT_KEY (or, on the embedded ' +
        'database, copy DATA_DIR/audit-checkpoint-key from the old data folder; with DATABASE_URL and no key, the same JWT_SECRET).',
    );
    return lines.join('\n');
  } finally {
    await database.stop();
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run restore -- FILE');
  await readEnvironment();
  console.log(await restoreFile(file));
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
