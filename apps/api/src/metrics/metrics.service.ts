import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgPubSub, PUB_SUB } from '@accord/common';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { OperationLabels } from './operation-labels';

/** REST routes and GraphQL calls of this app end in milliseconds to seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

export type Transport = 'http' | 'ws';

/**
 * The Prometheus metrics of one app: requests by route and status, GraphQL operations by
 * name (bounded, see OperationLabels), the database pool, the subscription listener, and
 * prom-client's process metrics (CPU, memory, GC, event-loop lag). Its own registry, so that
 * several apps in one process (the tests) do not collide.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly operationLabels = new OperationLabels();
  private readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  private readonly httpDuration: Histogram<'route' | 'method'>;
  private readonly operations: Counter<'operation' | 'type' | 'transport' | 'outcome'>;
  private readonly operationDuration: Histogram<'operation' | 'type' | 'transport'>;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(PUB_SUB) pubSub: PgPubSub) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: 'accord_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'accord_http_request_duration_seconds',
      help: 'HTTP request duration by route and method',
      labelNames: ['route', 'method'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.operations = new Counter({
      name: 'accord_graphql_operations_total',
      help: 'GraphQL operations by name (first 200 names, then "other"), type, transport and outcome',
      labelNames: ['operation', 'type', 'transport', 'outcome'],
      registers,
    });
    this.operationDuration = new Histogram({
      name: 'accord_graphql_operation_duration_seconds',
      help: 'GraphQL query and mutation duration by name, type and transport (subscriptions excluded)',
      labelNames: ['operation', 'type', 'transport'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    const pool = (dataSource.driver as unknown as { master?: Pool }).master;
    new Gauge({
      name: 'accord_db_pool_connections',
      help: 'Connections of the database pool: total, idle, and callers waiting for one',
      labelNames: ['state'],
      registers,
      collect() {
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'accord_subscription_listener_up',
      help: '1 when the LISTEN connection that carries subscription events is up',
      registers,
      collect() {
        this.set(pubSub.listening ? 1 : 0);
      },
    });
  }

  observeHttp(route: string, method: string, status: number, seconds: number): void {
    const knownMethod = METHODS.has(method) ? method : 'other';
    this.httpRequests.inc({ route, method: knownMethod, status: String(status) });
    this.httpDuration.observe({ route, method: knownMethod }, seconds);
  }

  /** `type` null: the operation was never resolved (a parse or validation error). */
  observeOperation(
    name: string | null,
    type: string | null,
    transport: Transport,
    failed: boolean,
    seconds: number,
  ): void {
    const operation = this.operationLabels.label(name, type !== null);
    const kind = type ?? 'none';
    this.operations.inc({ operation, type: kind, transport, outcome: failed ? 'error' : 'ok' });
    if (type === 'query' || type === 'mutation')
      this.operationDuration.observe({ operation, type: kind, transport }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
