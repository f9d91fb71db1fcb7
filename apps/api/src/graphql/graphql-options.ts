import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ModuleRef } from '@nestjs/core';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  formatGraphQLError,
  GraphQLRequestContext,
  guardInputs,
  nestTextKinds,
  RequestLoaders,
} from '@accord/common';
import { AuthService } from '@accord/auth';
import { GraphQLError } from 'graphql';
import { ServerOptions } from 'graphql-ws';
import { complexityPlugin } from './complexity.plugin';
import { limitRules } from './operation-limits';

const formatOne = (error: GraphQLError) => formatGraphQLError(error.toJSON(), error);

interface WsExtra {
  actor?: Actor | null;
}

/**
 * Apollo Server 5 behind Nest: GraphQL-over-HTTP (POST and GET, both response media types),
 * CSRF prevention on, graphql-ws subscriptions on the same path, depth and complexity limits,
 * and one error formatter. Each request gets its own DataLoaders.
 */
/** graphql-ws on the same path: the token is checked once, at connect, from connectionParams. */
function graphqlWsOptions(auth: AuthService): ServerOptions<Record<string, unknown>, WsExtra> {
  return {
    onConnect: async (context) => {
      const params = context.connectionParams ?? {};
      const raw = params.authorization ?? params.Authorization;
      const token = typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : null;
      const actor = token ? await auth.actorFromToken(token) : null;
      if (token && !actor) return false;
      context.extra.actor = actor;
      return true;
    },
    // graphql-ws bypasses Apollo's formatError: shape its errors the same way here.
    onNext: (_context, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map(formatOne) } : undefined,
    onError: (_context, _id, _payload, errors) => errors.map(formatOne),
  };
}

export function graphqlOptions(moduleRef: ModuleRef, auth: AuthService): ApolloDriverConfig {
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
    plugins: [ApolloServerPluginCacheControlDisabled(), complexityPlugin(() => moduleRef)],
    formatError: formatGraphQLError,
    subscriptions: { 'graphql-ws': graphqlWsOptions(auth) as GraphQLWsSubscriptionsConfig },
    context: ({
      req,
      extra,
    }: {
      req?: GraphQLRequestContext['req'];
      extra?: WsExtra;
    }): GraphQLRequestContext => ({
      req: req ?? { user: extra?.actor ?? null },
      loaders: new RequestLoaders(moduleRef),
    }),
  };
}
