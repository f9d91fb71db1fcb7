import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { AuthService } from '@accord/auth';
import { CloseCode, handleProtocols, makeServer, Server as GraphqlWs } from 'graphql-ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger as Pino } from 'pino';
import { RequestRateLimiter } from '../http/request-rate-limiter';
import { REQUEST_ID_HEADER, requestIdFrom } from '../logging/request-id';
import { ROOT_LOGGER } from '../logging/root-logger';
import { MetricsService } from '../metrics/metrics.service';
import { graphqlWsOptions, WsExtra } from './graphql-ws.options';
import { WsOperations } from './ws-operations';
import { MAX_REQUEST_BYTES } from './request-size';

/** How long a closing socket may take to answer the close frame before it is cut. */
const CLOSE_HANDSHAKE_MS = 2000;
const GRAPHQL_PATH = '/graphql';
/** A socket that does not answer a ping within this time is dropped. */
const KEEP_ALIVE_MS = 12_000;
/** Each upgrade request's connection id (a safe X-Request-Id, else a UUID), for its log lines. */
const connectionIds = new WeakMap<IncomingMessage, string>();

/**
 * The graphql-ws server on /graphql, created here rather than by @nestjs/apollo, whose
 * WebSocket server takes no `maxPayload`: a message larger than an HTTP body may be closes
 * the socket (1009, "Message Too Big"). Sockets are closed (1001) before the HTTP server stops.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('GraphqlWs');
  private wss?: WebSocketServer;
  private http?: Server;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: RequestRateLimiter,
    @Inject(ROOT_LOGGER) private readonly rootLogger: Pino,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    const server = makeServer(
      graphqlWsOptions(schema, this.auth, this.moduleRef, {
        introspection: this.config.graphqlIntrospection,
        trustProxy: this.config.trustProxy,
        rateLimit: (address) => this.rateLimiter.check(address),
        operations: new WsOperations(this.rootLogger, this.metrics),
      }),
    );
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_REQUEST_BYTES,
      handleProtocols,
    });
    this.wss.on('connection', (socket: WebSocket, request: IncomingMessage) =>
      this.serve(server, socket, request),
    );
    // The connection's id, returned in the upgrade response as HTTP returns a request's.
    this.wss.on('headers', (headers: string[], request: IncomingMessage) =>
      headers.push(`X-Request-Id: ${connectionIds.get(request)}`),
    );
    this.http = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.http.on('upgrade', this.upgrade);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.closeSockets();
  }

  /** Refuses new sockets and closes the open ones with 1001 ("going away"). */
  async closeSockets(): Promise<void> {
    this.http?.off('upgrade', this.upgrade);
    const wss = this.wss;
    if (!wss) return;
    // Each socket gets its close frame and a moment to answer it, so that clients see a clean
    // "going away" (1001) rather than a dropped connection, even when the process exits next.
    await Promise.all(
      [...wss.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            const cut = setTimeout(() => client.terminate(), CLOSE_HANDSHAKE_MS);
            client.once('close', () => {
              clearTimeout(cut);
              resolve();
            });
            client.close(1001, 'Going away');
          }),
      ),
    );
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  private readonly upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const wss = this.wss!;
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== GRAPHQL_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!this.browserMayConnect(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    connectionIds.set(request, requestIdFrom(request.headers[REQUEST_ID_HEADER]));
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  /**
   * WebSockets know no CORS: a browser sends the page's Origin and opens the socket whatever
   * the answer. So the rule of fetch is applied here: this server's own pages (the IDE) and
   * the CORS_ORIGINS only. Clients other than browsers send no Origin.
   */
  private browserMayConnect(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    if (this.config.corsOrigins.includes(origin)) return true;
    // Behind TRUST_PROXY's one proxy, the host the browser used is the last X-Forwarded-Host.
    const forwarded = request.headers['x-forwarded-host'];
    const host =
      (this.config.trustProxy &&
        typeof forwarded === 'string' &&
        forwarded.split(',').pop()?.trim()) ||
      request.headers.host;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /** What graphql-ws's `useServer` does, with no error text sent to the client. */
  private serve(server: GraphqlWs<WsExtra>, socket: WebSocket, request: IncomingMessage): void {
    const internalError = (error: unknown) => {
      this.logger.error(`graphql-ws: ${error instanceof Error ? error.message : String(error)}`);
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    };
    // A message over maxPayload arrives here; ws has already closed the socket with 1009.
    socket.once('error', (error) => this.logger.warn(`graphql-ws socket: ${error.message}`));
    let pongWait: NodeJS.Timeout | null = null;
    const keepAlive = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer) => {
            handle(data.toString()).catch(internalError);
          }),
      },
      {
        socket,
        request,
        connectionId: connectionIds.get(request) ?? requestIdFrom(undefined),
      } as WsExtra,
    );
    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(keepAlive);
      closed(code, reason.toString()).catch(internalError);
    });
  }
}
