import { Kind, SelectionSetNode } from 'graphql';

/*
 * A selection set → one SQL statement that builds its JSON answer in PostgreSQL.
 *
 * Only what a library declared compiles: each GraphQL type lists the fields that are a plain
 * column, a related row (a join) or a list of related rows, the very values its resolvers
 * return. Anything else in the selection (a field not declared, an argument, a directive, a
 * fragment) makes the whole selection not compile, and the operation runs through the resolvers
 * as usual: this is a shortcut for the reads that matter, never a second set of rules.
 *
 * The statement has the shape of a hand-written one: each list is aggregated once per parent
 * (`GROUP BY` its parent key, over the rows of the root only) in a materialised CTE, and joined
 * to its parents by hash; each related row is a LEFT JOIN. No subquery runs once per row.
 */

/** A field answered by a column of its row (SQL over the row's alias, JSON-ready). */
export interface ColumnField {
  column: (row: string) => string;
}

/** A field answered by one related row (null when there is none), found by a join. */
export interface ObjectField {
  type: string;
  list: false;
  table: string;
  /** The join condition between the parent row and the related row `child`. */
  on: (parent: string, child: string) => string;
}

/** A field answered by the rows that point at the parent through `parentKey`, in order. */
export interface ListField {
  type: string;
  list: true;
  /** The table whose `parentKey` column holds the parent's id. */
  table: string;
  parentKey: string;
  /**
   * The rows of this table that can belong to the root rows, per root type: `roots` is a
   * parenthesised SQL set of the root rows' ids. A list with no scope for the root type being
   * read does not compile.
   */
  scope: Record<string, (link: string, roots: string) => string>;
  /** Rows of the list (a filter over `table`'s alias). */
  where?: (link: string) => string;
  orderBy: (link: string) => string;
  /** When `table` only links to the listed rows: the table of the rows listed and the join. */
  through?: { table: string; on: (link: string, child: string) => string };
}

/**
 * A field the caller may not see under some rule: `fact` names a boolean decided per request
 * by the policy before the statement is built; when false the answer is `hidden`, as the
 * resolver answers. A read that did not decide the fact does not compile this field.
 */
export interface Gated {
  fact?: string;
  /** FALL_BACK: the selection does not compile, and the resolvers decide (e.g. per row). */
  hidden?: 'EMPTY_LIST' | 'NULL' | 'FALL_BACK';
}

export type JsonField = (ColumnField | ObjectField | ListField) & Gated;

export type JsonTypes = Map<string, Record<string, JsonField>>;

/** ISO 8601 in UTC with milliseconds, as the DateTime scalar serialises a JavaScript Date. */
export function isoTimestamp(sql: string): string {
  return `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;
const HIDDEN_SQL = { EMPTY_LIST: `'[]'::json`, NULL: 'NULL::json' };

/** A JSON object over a row, and the joins its related rows and lists need beside that row. */
interface Built {
  json: string;
  joins: string[];
}

export class JsonSelectionCompiler {
  private aliases = 0;
  private readonly ctes: string[] = [];

  constructor(
    private readonly types: JsonTypes,
    private readonly facts: Readonly<Record<string, boolean>>,
    /** The root rows' GraphQL type: which scope the lists use. */
    private readonly root: string,
    /** The root rows' ids, as a parenthesised SQL set (`($1)` for one row). */
    private readonly roots: string,
  ) {}

  /**
   * The statement answering `selection` on the row of `table` that `where` selects (over the
   * alias `r0`): the `columns`, then `answer`, the JSON text (only for a row meeting `when`,
   * if given); null if it does not compile.
   */
  statement(
    selection: SelectionSetNode,
    from: { table: string; where: string; columns?: string[]; when?: string },
    label: string,
  ): string | null {
    const built = this.object(this.root, selection, 'r0');
    if (!built) return null;
    const answer = from.when
      ? `CASE WHEN ${from.when} THEN ${built.json}::text END`
      : `${built.json}::text`;
    const columns = [...(from.columns ?? []), `${answer} AS answer`].join(', ');
    return `/* compiled read: ${label} */ ${this.with()}SELECT ${columns} FROM ${from.table} r0 ${built.joins.join(' ')} WHERE ${from.where}`;
  }

  /**
   * The statement answering `selection` for each row of `source` (a table or a parenthesised
   * query, over the alias `r0`) as one JSON text `answer`: `wrap.row` makes each row's object
   * an element, aggregated in `orderBy` order, and `wrap.list` the answer from that list.
   */
  rowsStatement(
    selection: SelectionSetNode,
    source: string,
    orderBy: string,
    wrap: { row: (object: string) => string; list: (list: string) => string },
    label: string,
  ): string | null {
    const built = this.object(this.root, selection, 'r0');
    if (!built) return null;
    const list = `coalesce(json_agg(${wrap.row(built.json)} ORDER BY ${orderBy}), '[]'::json)`;
    return `/* compiled read: ${label} */ ${this.with()}SELECT ${wrap.list(list)}::text AS answer FROM ${source} r0 ${built.joins.join(' ')}`;
  }

  private with(): string {
    return this.ctes.length ? `WITH ${this.ctes.join(',\n')}\n` : '';
  }

  private object(type: string, selection: SelectionSetNode, row: string): Built | null {
    const fields = this.types.get(type);
    if (!fields) return null;
    const pairs: string[] = [];
    const joins: string[] = [];
    for (const node of selection.selections) {
      if (node.kind !== Kind.FIELD || node.directives?.length || node.arguments?.length)
        return null;
      const key = `'${(node.alias ?? node.name).value}'`;
      const name = node.name.value;
      if (name === '__typename') {
        if (node.selectionSet) return null;
        pairs.push(`${key}, '${type}'`);
        continue;
      }
      const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!field) return null;
      const value = this.value(field, node.selectionSet, row, joins);
      if (value === null) return null;
      pairs.push(`${key}, ${value}`);
    }
    if (!pairs.length || pairs.length > MAX_KEYS) return null;
    return { json: `json_build_object(${pairs.join(', ')})`, joins };
  }

  /** The value of one field of `row`; the joins it needs are added to `joins`. */
  private value(
    field: JsonField,
    selection: SelectionSetNode | undefined,
    row: string,
    joins: string[],
  ): string | null {
    if (field.fact !== undefined) {
      const allowed = this.facts[field.fact];
      if (allowed === undefined) return null;
      if (!allowed) return field.hidden === 'FALL_BACK' ? null : HIDDEN_SQL[field.hidden ?? 'NULL'];
    }
    if ('column' in field) return selection ? null : field.column(row);
    if (!selection) return null;
    if (!field.list) {
      const child = this.alias();
      const inner = this.object(field.type, selection, child);
      if (!inner) return null;
      joins.push(`LEFT JOIN ${field.table} ${child} ON ${field.on(row, child)}`, ...inner.joins);
      return `CASE WHEN ${child}.id IS NULL THEN NULL ELSE ${inner.json} END`;
    }
    const list = this.list(field, selection);
    if (!list) return null;
    joins.push(`LEFT JOIN ${list} ON ${list}.key = ${row}.id`);
    return `coalesce(${list}.list, '[]'::json)`;
  }

  /** A CTE holding, per parent id (`key`), the JSON list of its rows; its name, or null. */
  private list(field: ListField, selection: SelectionSetNode): string | null {
    const scope = Object.hasOwn(field.scope, this.root) ? field.scope[this.root] : undefined;
    if (!scope) return null;
    const link = this.alias();
    const child = field.through ? this.alias() : link;
    const inner = this.object(field.type, selection, child);
    if (!inner) return null;
    const through = field.through
      ? `JOIN ${field.through.table} ${child} ON ${field.through.on(link, child)}`
      : '';
    const where = [scope(link, this.roots), field.where?.(link)].filter(Boolean).join(' AND ');
    const name = `list${this.ctes.length + 1}`;
    this.ctes.push(
      `${name} AS MATERIALIZED (SELECT ${link}."${field.parentKey}" AS key, ` +
        `json_agg(${inner.json} ORDER BY ${field.orderBy(link)}) AS list ` +
        `FROM ${field.table} ${link} ${through} ${inner.joins.join(' ')} ` +
        `WHERE ${where} GROUP BY ${link}."${field.parentKey}")`,
    );
    return name;
  }

  private alias(): string {
    return `r${++this.aliases}`;
  }
}
