import { ApolloDriverConfig } from '@nestjs/apollo';
import { ModuleRef } from '@nestjs/core';
import { Actor, formatGraphQLError, GraphQLRequestContext, RequestLoaders } from '@accord/common';
import { AuthService } from '@accord/auth';
import depthLimit from 'graphql-depth-limit';
import { complexityPlugin } from './complexity.plugin';

export const MAX_QUERY_DEPTH = 12;

interface WsExtra {
  actor?: Actor | null;
}

/**
 * Apollo Server 5 behind Nest: GraphQL-over-HTTP (POST and GET, both response media types),
 * CSRF prevention on, graphql-ws subscriptions on the same path, depth and complexity limits,
 * and one error formatter. Each request gets its own DataLoaders.
 */
export function graphqlOptions(moduleRef: ModuleRef, auth: AuthService): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    plugins: [complexityPlugin(() => moduleRef)],
    formatError: formatGraphQLError,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: async (context) => {
          const params = context.connectionParams ?? {};
          const raw = params.authorization ?? params.Authorization;
          const token = typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : null;
          const actor = token ? await auth.actorFromToken(token) : null;
          if (token && !actor) return false;
          (context.extra as WsExtra).actor = actor;
          return true;
        },
      },
    },
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
