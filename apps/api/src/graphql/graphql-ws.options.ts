import { ModuleRef } from '@nestjs/core';
import {
  DomainException,
  ErrorCode,
  formatGraphQLError,
  GraphQLRequestContext,
  RequestLoaders,
  runInRequestScope,
} from '@accord/common';
import { AuthService, bearerToken } from '@accord/auth';
import {
  DocumentNode,
  execute,
  ExecutionArgs,
  GraphQLError,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  validate,
} from 'graphql';
import { Context, ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { checkOperation } from './operation-limits';
import { reauthorisingSubscribe } from './reauthorising-subscribe';
import { WsConnection, WsOperations } from './ws-operations';

/**
 * What a connection carries: its socket, its upgrade request, the token it was opened with
 * (null: anonymous), its id and its operations in flight (for their log lines).
 */
export interface WsExtra extends WsConnection {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  token?: string | null;
}

type WsContext = Context<Record<string, unknown>, WsExtra>;

/** WebSocket close code for "try again later": graphql-ws clients retry it. */
const TRY_AGAIN_LATER = 1013;

/**
 * A refusal made here has no path, so Apollo's unwrapping would not find its DomainException.
 * `requestId`: the operation's, the correlationId of an internal error.
 */
const formatOne = (error: GraphQLError, requestId: string | undefined) =>
  formatGraphQLError(
    error.toJSON(),
    error.originalError instanceof DomainException ? error.originalError : error,
    requestId,
  );

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function inOperationScope<T>(args: ExecutionArgs, run: () => T): T {
  const requestId = (args.contextValue as GraphQLRequestContext | undefined)?.req.id;
  return requestId ? runInRequestScope({ requestId }, run) : run();
}

const EXPIRED = 'The access token is invalid or has expired';

/** The formatter unwraps `originalError`: the client sees its code (UNAUTHENTICATED, SERVICE_UNAVAILABLE…). */
const refusal = (error: Error) => new GraphQLError(error.message, { originalError: error });

/**
 * Each operation's context, built as an HTTP request's would be: the connection's token in
 * an Authorization header, so that the global AccessGuard re-authorises every operation
 * exactly as over HTTP (a user disabled, removed from a delegation or whose token expired
 * since connect is refused on the next query, mutation or subscription).
 */
function operationContext(
  ctx: WsContext,
  moduleRef: ModuleRef,
  trustProxy: boolean,
  requestId: string,
): GraphQLRequestContext {
  const token = ctx.extra.token;
  return {
    req: {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ip: socketClientAddress(ctx.extra.request, trustProxy),
      id: requestId,
    },
    loaders: new RequestLoaders(moduleRef),
  };
}

/**
 * The client's address as express gives `req.ip` for HTTP: with TRUST_PROXY, the last
 * X-Forwarded-For entry (the one our single trusted proxy added), else the socket's peer.
 */
export function socketClientAddress(
  request: IncomingMessage,
  trustProxy: boolean,
): string | undefined {
  const forwarded = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return trustProxy && hops.length ? hops[hops.length - 1] : request.socket.remoteAddress;
}

export interface WsRules {
  introspection: boolean;
  trustProxy: boolean;
  /** The per-address request limit of HTTP, applied to every operation. */
  rateLimit(address: string | undefined): Promise<number | null>;
  /** Each operation's log line and metrics. */
  operations: WsOperations;
}

/**
 * graphql-ws on /graphql, held to the rules of HTTP: the same token check at connect, on
 * every operation and before every subscription event; the same parse, validation, depth
 * and complexity checks; the same error formatting.
 */
export function graphqlWsOptions(
  schema: GraphQLSchema,
  auth: AuthService,
  moduleRef: ModuleRef,
  { introspection, trustProxy, rateLimit, operations }: WsRules,
): ServerOptions<Record<string, unknown>, WsExtra> {
  /**
   * Before each event of a signed-in subscription: the token and its user must still be valid.
   * What the subscriber may see of the event stays the resolver's business (its filter reads
   * the current membership): replacing `req.user` here, after the filter, would let a change
   * made between the two turn a filtered-in event into an error.
   */
  const reauthorise = async (contextValue: unknown): Promise<GraphQLError | null> => {
    const context = contextValue as GraphQLRequestContext;
    context.loaders = new RequestLoaders(moduleRef);
    const token = bearerToken(context.req.headers?.authorization);
    if (!token) return null;
    try {
      const actor = await auth.actorFromToken(token);
      return actor ? null : refusal(DomainException.unauthenticated(EXPIRED));
    } catch (error) {
      // Fail closed: a subscriber who cannot be checked gets no more events.
      return refusal(error as Error);
    }
  };

  return {
    schema,
    onConnect: async (ctx) => {
      const params = ctx.connectionParams ?? {};
      const raw = params.authorization ?? params.Authorization;
      if (raw === undefined || raw === null || raw === '') {
        ctx.extra.token = null;
        return true;
      }
      const token = bearerToken(raw) ?? (typeof raw === 'string' ? raw : null);
      try {
        if (!token || !(await auth.actorFromToken(token))) return false;
      } catch (error) {
        if (error instanceof DomainException && error.code === ErrorCode.SERVICE_UNAVAILABLE) {
          ctx.extra.socket.close(TRY_AGAIN_LATER, 'Service unavailable');
          return false;
        }
        throw error;
      }
      ctx.extra.token = token;
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const started = operations.start(ctx.extra, id);
      const wait = await rateLimit(socketClientAddress(ctx.extra.request, trustProxy));
      if (wait !== null)
        return [
          refusal(
            DomainException.rateLimited(
              `Too many requests from this address; retry in ${wait} s`,
              wait,
            ),
          ),
        ];
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
      }
      const operation = {
        schema,
        document,
        operationName: payload.operationName,
        variables: payload.variables,
      };
      // GRAPHQL_INTROSPECTION applies here as it does to Apollo over HTTP.
      const errors = introspection
        ? checkOperation(operation)
        : [
            ...validate(schema, document, [NoSchemaIntrospectionCustomRule]),
            ...checkOperation(operation),
          ];
      if (errors.length) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
      const contextValue = operationContext(ctx, moduleRef, trustProxy, started.reqId);
      operations.resolved(started, document, payload.operationName, contextValue);
      return {
        schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue,
      };
    },
    // Each operation runs in its request scope: every line it logs carries its id.
    execute: (args) => inOperationScope(args, () => execute(args)),
    subscribe: (args) => inOperationScope(args, () => reauthorisingSubscribe(args, reauthorise)),
    // graphql-ws bypasses Apollo's formatError: shape its errors the same way here.
    onNext: (ctx, id, _payload, _args, result) => {
      if (!result.errors) return undefined;
      const operation = operations.get(ctx.extra, id);
      if (operation) operation.failed = true;
      return { ...result, errors: result.errors.map((e) => formatOne(e, operation?.reqId)) };
    },
    onError: (ctx, id, _payload, errors) => {
      const reqId = operations.get(ctx.extra, id)?.reqId;
      operations.refused(ctx.extra, id);
      return errors.map((e) => formatOne(e, reqId));
    },
    onComplete: (ctx, id) => operations.end(ctx.extra, id),
  };
}
