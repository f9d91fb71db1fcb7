import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLRequestContext, tagErrorsWithRequestId } from '@accord/common';
import { ObservedRequest } from '../logging/request-observation';

/**
 * Tells the request observer what GraphQL made of an HTTP request (operation name and type,
 * whether it failed), and tags the request's errors with its id so that the error formatter
 * uses it as `correlationId`. Over graphql-ws the same is done by WsOperations.
 */
export function requestObserverPlugin(): ApolloServerPlugin<GraphQLRequestContext> {
  return {
    requestDidStart({ contextValue }) {
      const req = contextValue.req as ObservedRequest;
      req.graphql = { operation: null, type: null, failed: false };
      const graphql = req.graphql;
      return Promise.resolve({
        didResolveOperation({ operationName, operation }) {
          graphql.operation = operationName ?? null;
          graphql.type = operation?.operation ?? null;
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          graphql.failed = true;
          if (req.id) tagErrorsWithRequestId(errors, req.id);
          return Promise.resolve();
        },
      });
    },
  };
}
