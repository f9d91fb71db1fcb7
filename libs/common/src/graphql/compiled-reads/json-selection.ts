import { Kind, SelectionSetNode } from 'graphql';

/*
 * A selection set → one SQL expression that builds its JSON answer in PostgreSQL.
 *
 * Only what a library declared compiles: each GraphQL type lists the fields that are a plain
 * column (or a related row or list found by a join), the very values its resolvers return.
 * Anything else in the selection (a field not declared, an argument, a directive, a fragment)
 * makes the whole selection not compile, and the operation runs through the resolvers as usual:
 * this is a shortcut for the reads that matter, never a second set of rules.
 */

/** A field answered by a column of its row (SQL over the row's alias, JSON-ready). */
export interface ColumnField {
  column: (row: string) => string;
}

/** A field answered by related rows: one object (`list: false`) or a list, in a given order. */
export interface RelationField {
  type: string;
  list: boolean;
  /** The related rows of `parent` (row alias), under the alias `child`. */
  from: (parent: string, child: string) => { table: string; where: string; orderBy?: string };
}

/**
 * A field the caller may not see under some rule: `fact` names a boolean decided per request
 * by the policy before the statement is built (see CompiledReadContext.facts); when false the
 * answer is `hidden`, as the resolver answers. A read that did not decide the fact does not
 * compile this field.
 */
export interface Gated {
  fact?: string;
  hidden?: 'EMPTY_LIST' | 'NULL';
}

export type JsonField = (ColumnField | RelationField) & Gated;

export type JsonTypes = Map<string, Record<string, JsonField>>;

/** ISO 8601 in UTC with milliseconds, as the DateTime scalar serialises a JavaScript Date. */
export function isoTimestamp(sql: string): string {
  return `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;
const HIDDEN_SQL = { EMPTY_LIST: `'[]'::json`, NULL: 'NULL::json' };

export class JsonSelectionCompiler {
  private aliases = 0;

  constructor(
    private readonly types: JsonTypes,
    private readonly facts: Readonly<Record<string, boolean>>,
  ) {}

  /** The JSON object of `row` (of GraphQL type `type`) for this selection, or null if it does not compile. */
  object(type: string, selection: SelectionSetNode, row: string): string | null {
    const fields = this.types.get(type);
    if (!fields) return null;
    const pairs: string[] = [];
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
      const value = this.value(field, node.selectionSet, row);
      if (value === null) return null;
      pairs.push(`${key}, ${value}`);
    }
    if (!pairs.length || pairs.length > MAX_KEYS) return null;
    return `json_build_object(${pairs.join(', ')})`;
  }

  private value(
    field: JsonField,
    selection: SelectionSetNode | undefined,
    row: string,
  ): string | null {
    if (field.fact !== undefined) {
      const allowed = this.facts[field.fact];
      if (allowed === undefined) return null;
      if (!allowed) return HIDDEN_SQL[field.hidden ?? 'NULL'];
    }
    if ('column' in field) return selection ? null : field.column(row);
    if (!selection) return null;
    const child = `r${++this.aliases}`;
    const inner = this.object(field.type, selection, child);
    if (inner === null) return null;
    const { table, where, orderBy } = field.from(row, child);
    if (!field.list) return `(SELECT ${inner} FROM ${table} ${child} WHERE ${where})`;
    const order = orderBy ? ` ORDER BY ${orderBy}` : '';
    return `coalesce((SELECT json_agg(${inner}${order}) FROM ${table} ${child} WHERE ${where}), '[]'::json)`;
  }
}
