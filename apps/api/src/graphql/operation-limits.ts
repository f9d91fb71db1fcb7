import {
  DocumentNode,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  specifiedRules,
  validate,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
} from 'graphql-query-complexity';
import { LIST_COSTS, listItems } from './list-costs';

export const MAX_QUERY_DEPTH = 12;

/**
 * A field costs 1 plus its selection; a list field costs its page size or its estimated number
 * of items (LIST_COSTS) times its selection, so the estimate grows with what the answer could
 * hold. This refuses alias floods, giant selections and nested lists that multiply into
 * megabytes, while every query of the clients, tests, docs and benchmark fits.
 */
export const MAX_QUERY_COMPLEXITY = 25_000;

/**
 * Fields selected, each counted once whatever its list size: every root field is a database
 * round trip of its own, so an alias flood of cheap fields is refused too.
 */
export const MAX_SELECTED_FIELDS = 500;

const eachFieldOnce: ComplexityEstimator = ({ childComplexity }) => 1 + childComplexity;

/**
 * Lists cost their items times their selection; every other field 1 plus its selection.
 * Introspection (what IDEs load the schema docs with) is answered from the schema in memory:
 * its fields count once each, its nesting being bounded by graphql-js's
 * MaxIntrospectionDepthRule (a specified rule) and its aliases by MAX_SELECTED_FIELDS.
 */
const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  const cost = LIST_COSTS[`${type.name}.${field.name}`];
  if (!cost && !isListType(getNullableType(field.type))) return 1 + childComplexity;
  return (cost?.ownCost ?? 1) + listItems(cost, args) * childComplexity;
};

/** Validation rules beyond the specification's, for every transport. */
export const limitRules = [depthLimit(MAX_QUERY_DEPTH)];

export interface Operation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function measure(
  { schema, document, operationName, variables }: Operation,
  estimator: ComplexityEstimator,
): number {
  return getComplexity({
    schema,
    operationName: operationName ?? undefined,
    query: document,
    variables: variables ?? {},
    estimators: [fieldExtensionsEstimator(), estimator],
  });
}

/** The estimated cost of an operation: fields, with lists weighted by their size (LIST_COSTS). */
export function operationComplexity(operation: Operation): number {
  return measure(operation, listEstimator);
}

/** Throws the error a client gets over HTTP when an operation is too costly. */
export function assertComplexityWithinLimit(operation: Operation): void {
  const fields = measure(operation, eachFieldOnce);
  if (fields > MAX_SELECTED_FIELDS) {
    throw new GraphQLError(
      `Query is too complex: it selects ${fields} fields, the limit is ${MAX_SELECTED_FIELDS}`,
      { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
    );
  }
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
