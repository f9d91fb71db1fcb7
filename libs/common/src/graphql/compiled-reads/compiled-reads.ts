import { Global, Injectable, Module } from '@nestjs/common';
import { SelectionSetNode } from 'graphql';
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
  /** The JSON object of `row` (type `type`) for `selection` as SQL, or null if it does not compile. */
  compile(
    type: string,
    selection: SelectionSetNode,
    row: string,
    facts: Record<string, boolean>,
  ): string | null;
}

/** A root query field answered by one JSON-building statement when its selection compiles. */
export type CompiledRoot = (request: CompiledRootRequest) => Promise<unknown>;

/** The caller of a request as the global guard identifies it (registered by the auth library). */
export type CompiledReadsAuthenticator = (
  req: GraphQLRequestContext['req'],
) => Promise<Actor | null | undefined>;

/**
 * The reads compiled to one statement (see json-selection.ts): libraries declare the fields of
 * their types that are plain columns or joins, and the root fields they answer this way (each
 * applying the same service and policy checks as its resolver first). The Apollo plugin
 * (apps/api CompiledReadsPlugin) asks here before running the resolvers.
 */
@Injectable()
export class CompiledReads {
  private readonly types: JsonTypes = new Map();
  private readonly roots = new Map<string, CompiledRoot>();
  private authenticator?: CompiledReadsAuthenticator;

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
      caller: () => authenticate(context.req),
      compile: (type, set, row, facts) =>
        new JsonSelectionCompiler(this.types, facts).object(type, set, row),
    };
  }
}

@Global()
@Module({ providers: [CompiledReads], exports: [CompiledReads] })
export class CompiledReadsModule {}
