/**
 * npm run restore -- FILE
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
import { appDatabaseForTools } from './app-database-for-tools';
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

async function copyTable(
  client: Client,
  table: BackupHeader['tables'][number],
  lines: Lines,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  const columns = table.columns.map(quoteIdent).join(', ');
  const stream = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${columns}) FROM STDIN`));
  for (;;) {
    const line = await nextLine(lines, `table ${table.name}`);
    if (line === END_OF_TABLE) break;
    hash.update(`${line}\n`);
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
  return { rows: stream.rowCount, sha256: hash.digest('hex') };
}

async function restore(url: string, file: string): Promise<BackupHeader> {
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
    for (const table of header.tables)
      await client.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    const copied: Record<string, { rows: number; sha256: string }> = {};
    for (const table of header.tables) copied[table.name] = await copyTable(client, table, lines);
    const trailer = JSON.parse(await nextLine(lines, 'the trailer')) as BackupTrailer;
    for (const table of header.tables) {
      const got = copied[table.name];
      if (got.rows !== table.rows || got.sha256 !== trailer.sha256[table.name])
        throw new Error(
          `Table ${table.name} does not match the backup (${got.rows} rows of ${table.rows}, or a different checksum): the file is damaged`,
        );
      await client.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    }
    for (const sequence of trailer.sequences)
      await client.query('SELECT setval($1::regclass, $2, $3)', [
        quoteIdent(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    await runner.commitTransaction();
    return header;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
    await source.destroy();
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: npm run restore -- FILE');
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const database = await appDatabaseForTools({ create: true });
  try {
    const header = await restore(database.url, file);
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Restored ${header.tables.length} tables (${rows} rows) from ${file} (made ${header.createdAt}, schema ${header.schemaVersion}).\n` +
        'The audit checkpoints verify only with the key that signed them: keep AUDIT_CHECKPOINT_KEY (or, on the embedded ' +
        'database, copy DATA_DIR/audit-checkpoint-key from the old data folder; with DATABASE_URL and no key, the same JWT_SECRET).',
    );
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
