import { DocumentNode, GraphQLError, GraphQLSchema, specifiedRules, validate } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_DEPTH = 12;

/**
 * Each selected field costs 1 (a field may declare more through its `complexity` extension):
 * this refuses alias floods and giant selections.
 */
export const MAX_QUERY_COMPLEXITY = 500;

/** Validation rules beyond the specification's, for every transport. */
export const limitRules = [depthLimit(MAX_QUERY_DEPTH)];

export interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export function operationComplexity({
  schema,
  document,
  operationName,
  variables,
}: Operation): number {
  return getComplexity({
    schema,
    operationName: operationName ?? undefined,
    query: document,
    variables: variables ?? {},
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Throws the error a client gets over HTTP when an operation is too costly. */
export function assertComplexityWithinLimit(operation: Operation): void {
  const complexity = operationComplexity(operation);
  if (complexity > MAX_QUERY_COMPLEXITY) {
    throw new GraphQLError(
      `Query is too complex: ${complexity}, the limit is ${MAX_QUERY_COMPLEXITY}`,
      { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
    );
  }
}

/**
 * Every check an HTTP operation goes through before it runs (specification rules, depth,
 * complexity), for transports that do not pass through Apollo (graphql-ws): returns the errors.
 */
export function checkOperation(operation: Operation): readonly GraphQLError[] {
  const errors = validate(operation.schema, operation.document, [...specifiedRules, ...limitRules]);
  if (errors.length) return errors;
  try {
    assertComplexityWithinLimit(operation);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return [];
}
