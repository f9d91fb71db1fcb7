import { ApolloServerPlugin } from '@apollo/server';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DocumentNode } from 'graphql';
import { assertComplexityWithinLimit } from './operation-limits';

/** Variable sets remembered per document: the rest are measured each time. */
const REMEMBERED_PER_DOCUMENT = 32;

/**
 * Refuses HTTP operations over the complexity limit before they run. Apollo keeps one parsed
 * document per query text, so an operation measured within the limit with the same variables
 * (which count: `first: 100`) is not measured again: a client repeating a query pays the walk
 * over the document and the schema once.
 */
export function complexityPlugin(moduleRef: () => ModuleRef): ApolloServerPlugin {
  const withinLimit = new WeakMap<DocumentNode, Set<string>>();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          const key = `${request.operationName ?? ''}\0${JSON.stringify(request.variables ?? {})}`;
          const known = withinLimit.get(document);
          if (known?.has(key)) return Promise.resolve();
          const { schema } = moduleRef().get(GraphQLSchemaHost, { strict: false });
          assertComplexityWithinLimit({
            schema,
            document,
            operationName: request.operationName,
            variables: request.variables,
          });
          const remembered = known ?? new Set<string>();
          if (remembered.size < REMEMBERED_PER_DOCUMENT) remembered.add(key);
          withinLimit.set(document, remembered);
          return Promise.resolve();
        },
      });
    },
  };
}
