import { Client } from 'pg';

/**
 * A backup file is gzip'd text:
 *   line 1        BackupHeader as JSON (format, schema version, tables with columns and row counts)
 *   per table     its rows as COPY … TO STDOUT text (one row a line), then a line `\.`
 *   last line     BackupTrailer as JSON (each table's SHA-256, the sequences' values)
 * Text COPY escapes every backslash, so a data line is never `\.` on its own.
 */
export const BACKUP_FORMAT = 'accord-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The last migration applied: the schema the data fits. */
  schemaVersion: string;
  migrations: string[];
  /** In dependency order: a table comes after the tables its foreign keys point to. */
  tables: BackupTable[];
}

export interface BackupTrailer {
  sha256: Record<string, string>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The tables of the current schema, parents before children (foreign keys), with their columns. */
export async function tablesInDependencyOrder(
  client: Client,
): Promise<{ name: string; columns: string[] }[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k
       JOIN pg_class child ON child.oid = k.conrelid
       JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set()]));
  for (const e of edges.rows) parents.get(e.child)?.add(e.parent);
  const ordered: { name: string; columns: string[] }[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.rows.length) {
    const ready = tables.rows.filter(
      (t) => !done.has(t.name) && [...parents.get(t.name)!].every((p) => done.has(p)),
    );
    if (!ready.length) {
      const left = tables.rows.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw new Error(
        `Foreign keys form a cycle between ${left.join(', ')}: cannot order a restore`,
      );
    }
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
  }
  return ordered;
}

/** The tables, views and sequences of the current schema: empty means a restore may go there. */
export async function relationsInSchema(client: Client): Promise<string[]> {
  const found = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      ORDER BY c.relname LIMIT 20`,
  );
  return found.rows.map((r) => r.relname);
}
