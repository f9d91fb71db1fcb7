import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ModuleRef } from '@nestjs/core';
import { formatGraphQLError, GraphQLRequestContext, RequestLoaders } from '@accord/common';
import { complexityPlugin } from './complexity.plugin';
import { limitRules } from './operation-limits';

/**
 * Apollo Server 5 behind Nest: GraphQL-over-HTTP (POST and GET, both response media types),
 * CSRF prevention on, depth and complexity limits, and one error formatter. Each request gets
 * its own DataLoaders. graphql-ws on the same path is served by GraphqlWsServer.
 */
export function graphqlOptions(moduleRef: ModuleRef): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: limitRules,
    // Cache hints are computed per field by default; nothing here uses them (responses are per user).
    plugins: [ApolloServerPluginCacheControlDisabled(), complexityPlugin(() => moduleRef)],
    formatError: formatGraphQLError,
    context: ({ req }: { req: GraphQLRequestContext['req'] }): GraphQLRequestContext => ({
      req,
      loaders: new RequestLoaders(moduleRef),
    }),
  };
}
