import { ApolloServerPlugin } from '@apollo/server';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { assertComplexityWithinLimit } from './operation-limits';

/** Refuses HTTP operations over the complexity limit before they run. */
export function complexityPlugin(moduleRef: () => ModuleRef): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          const { schema } = moduleRef().get(GraphQLSchemaHost, { strict: false });
          assertComplexityWithinLimit({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
          });
          return Promise.resolve();
        },
      });
    },
  };
}
