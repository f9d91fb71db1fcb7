import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { FieldNode, Kind, OperationDefinitionNode } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { CompiledReads, GraphQLRequestContext, NOT_COMPILED } from '@accord/common';

const logger = new Logger('CompiledReads');

/** The one root field of a query operation, or null for anything else. */
function singleRootField(operation: OperationDefinitionNode | undefined): FieldNode | null {
  if (operation?.operation !== 'query' || operation.directives?.length) return null;
  const [field, ...more] = operation.selectionSet.selections;
  if (more.length || field?.kind !== Kind.FIELD || field.directives?.length) return null;
  return field;
}

/**
 * Answers a query whose single root field a library compiled (see CompiledReads) with one
 * JSON-building statement, after the same checks its resolver makes, instead of running the
 * resolvers row by row. It runs after parsing, validation, the depth and complexity limits
 * (didResolveOperation); anything it does not fully understand, or any failure, falls back to
 * ordinary execution, which then answers (or refuses) exactly as before. HTTP only: graphql-ws
 * operations always run the resolvers.
 */
export function compiledReadsPlugin(
  moduleRef: () => ModuleRef,
): ApolloServerPlugin<GraphQLRequestContext> {
  let reads: CompiledReads | undefined;
  return {
    requestDidStart() {
      return Promise.resolve({
        async responseForOperation({ operation, request, schema, contextValue }) {
          const field = singleRootField(operation);
          reads ??= moduleRef().get(CompiledReads, { strict: false });
          const compiled: CompiledReads = reads!;
          const answer = field && compiled.root(field.name.value);
          const definition = field && schema.getQueryType()?.getFields()[field.name.value];
          if (!field || !answer || !definition) return null;
          const variables = getVariableValues(
            schema,
            operation!.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (variables.errors) return null;
          try {
            const args = getArgumentValues(definition, field, variables.coerced);
            const value = await answer(compiled.request(args, field.selectionSet, contextValue));
            if (value === NOT_COMPILED) return null;
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: {
                kind: 'single',
                singleResult: { data: { [(field.alias ?? field.name).value]: value } },
              },
            };
          } catch (error) {
            // The resolvers will meet the same problem and report it as they always do.
            logger.warn(
              `Compiled read of ${field.name.value} fell back: ${(error as Error).message}`,
            );
            return null;
          }
        },
      });
    },
  };
}
