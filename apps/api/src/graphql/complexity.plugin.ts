import { ApolloServerPlugin } from '@apollo/server';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Each selected field costs 1 (a field may declare more through its `complexity` extension):
 * this refuses alias floods and giant selections; list sizes are bounded by pagination.
 */
export const MAX_QUERY_COMPLEXITY = 500;

export function complexityPlugin(moduleRef: () => ModuleRef): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          const { schema } = moduleRef().get(GraphQLSchemaHost, { strict: false });
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw new GraphQLError(
              `Query is too complex: ${complexity}, the limit is ${MAX_QUERY_COMPLEXITY}`,
              {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
