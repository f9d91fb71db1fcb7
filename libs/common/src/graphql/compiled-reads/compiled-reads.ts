import { createHash } from 'node:crypto';
import { Global, Injectable, Module } from '@nestjs/common';
import { SelectionSetNode } from 'graphql';
import { PreparedRows } from '../../database/prepared-rows';
import { CompiledJson } from './compiled-json';
import { Actor } from '../../auth/actor';
import { GraphQLRequestContext } from '../request-context';
import { JsonField, JsonSelectionCompiler, JsonTypes } from './json-selection';

/** A root field's answer when it does not compile: the resolvers answer instead. */
export const NOT_COMPILED = Symbol('NOT_COMPILED');

export interface CompiledRootRequest {
  /** The field's arguments, coerced by graphql-js (defaults applied). */
  args: Record<string, unknown>;
  selection: SelectionSetNode | undefined;
  context: GraphQLRequestContext;
  /**
   * The caller as AccessGuard would identify it (null: anonymous); undefined when the guard
   * would have more to say (a refused token, a second factor to enrol): then do not compile.
   */
  caller(): Promise<Actor | null | undefined>;
  /**
   * The statement answering `selection` for the row of `table` (GraphQL type `type`) that
   * `where` selects over the alias `r0`: one column `answer`, the JSON text (answer it as a
   * CompiledJson), after the `columns` asked for. `roots` is the row's id as a parenthesised
   * SQL set (default `($1)`: `$1` is the id); with `when`, `answer` is built only for a row
   * meeting it (null otherwise; `roots` should then hold only such rows, so that nothing is
   * aggregated for the others). Null if the selection does not compile. `facts`: what the
   * policy decided for gated fields.
   */
  compile(
    type: string,
    selection: SelectionSetNode,
    from: { table: string; where: string; roots?: string; columns?: string[]; when?: string },
    facts: Record<string, boolean>,
  ): string | null;
  /**
   * The statement answering `selection` for every row of `rows.source` (type `type`, alias
   * `r0`), whose ids `rows.roots` gives as a parenthesised SQL set, aggregated in `orderBy`
   * order and shaped by `wrap` (see JsonSelectionCompiler.rowsStatement). Null if the selection
   * does not compile.
   */
  compileRows(
    type: string,
    selection: SelectionSetNode,
    rows: {
      source: string;
      roots: string;
      orderBy: string;
      wrap: { row: (object: string) => string; list: (list: string) => string };
    },
    facts: Record<string, boolean>,
  ): string | null;
  /**
   * Runs the statement `plan` makes for the caller (null: it does not compile for them), with
   * the caller's session check folded in when the caller's session is known from before: one
   * statement instead of two. The answer counts only if the caller the check finds gets the
   * very same statement (see CompiledReads.runAsCaller).
   */
  runAsCaller(plan: CallerPlan): Promise<CompiledJson | null | typeof NOT_COMPILED>;
  /** Runs a compiled statement; its answer, or null when it found no row. */
  run(sql: string, params: unknown[]): Promise<CompiledJson | null>;
  /** Runs a compiled statement; its row (`answer` as JSON text or null), or null when none. */
  runRow(sql: string, params: unknown[]): Promise<Record<string, unknown> | null>;
}

/** A root query field answered by one JSON-building statement when its selection compiles. */
export type CompiledRoot = (request: CompiledRootRequest) => Promise<unknown>;

/** A statement answering one column `answer` (at most one row), with `$1…` its `params`. */
export type CallerPlan = (caller: Actor | null) => { sql: string; params: unknown[] } | null;

/**
 * The caller's session check inside a compiled statement: its CTEs (`touch`, for the top of
 * the statement) and a scalar subquery giving the caller's row as JSON (`caller`, null when
 * the session is gone), with placeholders from `$first` for `params`. `guess`: the caller the
 * session had last time, never trusted before `accept` has read the row.
 */
export interface FoldedCallerCheck {
  guess: Actor;
  params: unknown[];
  sql(first: number): { touch: string; caller: string };
  /** The caller the row makes; undefined when the guard would refuse (no live session…). */
  accept(row: unknown): Actor | undefined;
}

/** The caller of a request as the global guard identifies it (registered by the auth library). */
export interface CompiledReadsAuthenticator {
  /** The caller (null: anonymous), undefined when the guard would have more to say. */
  caller(req: GraphQLRequestContext['req']): Promise<Actor | null | undefined>;
  /** As `caller`, or the check to fold into the statement when the session is known. */
  lookup(
    req: GraphQLRequestContext['req'],
  ): Promise<{ caller: Actor | null | undefined } | { check: FoldedCallerCheck }>;
}

/**
 * The reads compiled to one statement (see json-selection.ts): libraries declare the fields of
 * their types that are plain columns or joins, and the root fields they answer this way (each
 * applying the same service and policy checks as its resolver first). The Apollo plugin
 * (apps/api CompiledReadsPlugin) asks here before running the resolvers.
 */
/**
 * Distinct statements prepared (named) on the connections: a client repeating a read gets its
 * plan from the first time (planning a draft's statement costs as much as a fifth of running
 * it). Statements beyond these, from clients sending ever new selections, are planned each
 * time rather than filling every connection with prepared statements.
 */
const PREPARED_LIMIT = 200;

@Injectable()
export class CompiledReads {
  private readonly types: JsonTypes = new Map();
  private readonly names = new Map<string, string>();
  private readonly roots = new Map<string, CompiledRoot>();
  private authenticator?: CompiledReadsAuthenticator;

  constructor(private readonly prepared: PreparedRows) {}

  /** Adds fields to a GraphQL type (several libraries may contribute to one type). */
  declareFields(type: string, fields: Record<string, JsonField>): void {
    const known = this.types.get(type) ?? {};
    for (const name of Object.keys(fields))
      if (Object.hasOwn(known, name)) throw new Error(`${type}.${name} is declared twice`);
    this.types.set(type, { ...known, ...fields });
  }

  declareRoot(field: string, answer: CompiledRoot): void {
    if (this.roots.has(field)) throw new Error(`Query.${field} is compiled twice`);
    this.roots.set(field, answer);
  }

  authenticateWith(authenticator: CompiledReadsAuthenticator): void {
    this.authenticator = authenticator;
  }

  root(field: string): CompiledRoot | undefined {
    return this.authenticator ? this.roots.get(field) : undefined;
  }

  request(
    args: Record<string, unknown>,
    selection: SelectionSetNode | undefined,
    context: GraphQLRequestContext,
  ): CompiledRootRequest {
    const authenticate = this.authenticator!;
    return {
      args,
      selection,
      context,
      caller: () => authenticate.caller(context.req),
      runAsCaller: (plan) => this.runAsCaller(authenticate, context.req, plan),
      compile: (type, set, { table, where, roots, columns, when }, facts) =>
        new JsonSelectionCompiler(this.types, facts, type, roots ?? '($1)').statement(
          set,
          { table, where, columns, when },
          type,
        ),
      compileRows: (type, set, { source, roots, orderBy, wrap }, facts) =>
        new JsonSelectionCompiler(this.types, facts, type, roots).rowsStatement(
          set,
          source,
          orderBy,
          wrap,
          `${type} rows`,
        ),
      run: async (sql, params) => answerOf(await this.runRow(sql, params)),
      runRow: (sql, params) => this.runRow(sql, params),
    };
  }

  /**
   * The session check and the read in one statement when the session's caller is known from
   * before (the guess): the statement is planned for the guess, and its answer is kept only
   * if the caller the check returns would have been given the same statement. A guess gone
   * stale (a role or delegation changed) costs one more statement; a session gone ends in the
   * resolvers, which refuse it as always.
   */
  private async runAsCaller(
    authenticate: CompiledReadsAuthenticator,
    req: GraphQLRequestContext['req'],
    plan: CallerPlan,
  ): Promise<CompiledJson | null | typeof NOT_COMPILED> {
    const found = await authenticate.lookup(req);
    if ('caller' in found) return this.runPlan(found.caller, plan);
    const { check } = found;
    const guessed = plan(check.guess);
    if (!guessed) return this.runPlan(await authenticate.caller(req), plan);
    const { touch, caller } = check.sql(guessed.params.length + 1);
    const sql = `WITH ${touch}\nSELECT (${caller}) AS caller, (\n${guessed.sql}\n) AS answer`;
    const row = await this.runRow(sql, [...guessed.params, ...check.params]);
    const actor = check.accept(row?.caller ?? null);
    if (actor === undefined) return NOT_COMPILED;
    const exact = plan(actor);
    if (exact?.sql === guessed.sql && sameParams(exact.params, guessed.params))
      return answerOf(row);
    return this.runPlan(actor, plan);
  }

  private async runPlan(
    caller: Actor | null | undefined,
    plan: CallerPlan,
  ): Promise<CompiledJson | null | typeof NOT_COMPILED> {
    const planned = caller === undefined ? null : plan(caller);
    if (!planned) return NOT_COMPILED;
    return answerOf(await this.runRow(planned.sql, planned.params));
  }

  private async runRow(sql: string, params: unknown[]): Promise<Record<string, unknown> | null> {
    const rows = await this.prepared.query<Record<string, unknown>>(
      this.statementName(sql),
      sql,
      params,
    );
    return rows[0] ?? null;
  }

  private statementName(sql: string): string | undefined {
    const known = this.names.get(sql);
    if (known || this.names.size >= PREPARED_LIMIT) return known;
    const name = `compiled_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    this.names.set(sql, name);
    return name;
  }
}

/** A compiled statement's answer, as PostgreSQL wrote it; null when it found nothing. */
function answerOf(row: Record<string, unknown> | null): CompiledJson | null {
  return row?.answer == null ? null : new CompiledJson(row.answer as string);
}

function sameParams(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

@Global()
@Module({ providers: [CompiledReads, PreparedRows], exports: [CompiledReads, PreparedRows] })
export class CompiledReadsModule {}
