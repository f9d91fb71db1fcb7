import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ModuleRef } from '@nestjs/core';
import {
  APP_CONFIG,
  AppConfig,
  formatGraphQLError,
  GraphQLRequestContext,
  guardInputs,
  nestTextKinds,
  RequestLoaders,
  stringifyResult,
} from '@accord/common';
import { complexityPlugin } from './complexity.plugin';
import { compiledReadsPlugin } from './compiled-reads.plugin';
import { limitRules } from './operation-limits';
import { requestObserverPlugin } from './request-observer.plugin';

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
    introspection: moduleRef.get<AppConfig>(APP_CONFIG, { strict: false }).graphqlIntrospection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: limitRules,
    // Every String and ID argument checked before any resolver, on every transport.
    transformSchema: (schema) => guardInputs(schema, nestTextKinds()),
    // Cache hints are computed per field by default; nothing here uses them (responses are per user).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      requestObserverPlugin(),
      complexityPlugin(() => moduleRef),
      compiledReadsPlugin(() => moduleRef),
    ],
    formatError: formatGraphQLError,
    // Compiled reads' answers are written as PostgreSQL built them (see CompiledJson).
    stringifyResult,
    context: ({ req }: { req: GraphQLRequestContext['req'] }): GraphQLRequestContext => ({
      req,
      loaders: new RequestLoaders(moduleRef),
    }),
  };
}
