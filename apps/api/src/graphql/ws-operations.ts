import type { GraphQLRequestContext } from '@accord/common';
import { randomUUID } from 'node:crypto';
import { DocumentNode, getOperationAST } from 'graphql';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service';

/** One graphql-ws operation, from its `subscribe` message to its end. */
export interface WsOperation {
  /** Its own request id: in its log line and in the correlationId of its internal errors. */
  readonly reqId: string;
  readonly started: number;
  operation: string | null;
  type: string | null;
  failed: boolean;
  /** Set once it runs: the context holds the caller the access guard found. */
  context?: GraphQLRequestContext;
}

/** What a connection keeps for its log lines. */
export interface WsConnection {
  /** The upgrade request's safe X-Request-Id, else a new UUID. */
  connectionId: string;
  operations?: Map<string, WsOperation>;
}

/**
 * The graphql-ws counterpart of the HTTP access line: one line per operation (name, type,
 * user id, duration, its request id and its connection's id) and the same operation
 * metrics, written when it completes or is refused. Never the query text or variables.
 */
export class WsOperations {
  constructor(
    private readonly logger: Logger,
    private readonly metrics: MetricsService,
  ) {}

  start(connection: WsConnection, id: string): WsOperation {
    const operation: WsOperation = {
      reqId: randomUUID(),
      started: performance.now(),
      operation: null,
      type: null,
      failed: false,
    };
    (connection.operations ??= new Map()).set(id, operation);
    return operation;
  }

  get(connection: WsConnection, id: string): WsOperation | undefined {
    return connection.operations?.get(id);
  }

  /** Validated and about to run. */
  resolved(
    operation: WsOperation,
    document: DocumentNode,
    name: string | null | undefined,
    context: GraphQLRequestContext,
  ): void {
    const ast = getOperationAST(document, name);
    operation.operation = ast?.name?.value ?? null;
    operation.type = ast?.operation ?? null;
    operation.context = context;
  }

  /** Refused before it ran (limits, validation): graphql-ws sends no `complete` then. */
  refused(connection: WsConnection, id: string): void {
    const operation = this.get(connection, id);
    if (!operation) return;
    operation.failed = true;
    if (!operation.context) this.end(connection, id);
  }

  end(connection: WsConnection, id: string): void {
    const operation = this.get(connection, id);
    if (!operation) return;
    connection.operations!.delete(id);
    const seconds = (performance.now() - operation.started) / 1000;
    this.metrics.observeOperation(
      operation.operation,
      operation.type,
      'ws',
      operation.failed,
      seconds,
    );
    const level = 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    this.logger[level](
      {
        reqId: operation.reqId,
        connectionId: connection.connectionId,
        transport: 'ws',
        operation: operation.operation,
        operationType: operation.type,
        ...(operation.failed ? { graphqlErrors: true } : {}),
        durationMs: Math.round(seconds * 10_000) / 10,
        userId: operation.context?.req.user?.id ?? null,
      },
      'graphql-ws operation',
    );
  }
}
