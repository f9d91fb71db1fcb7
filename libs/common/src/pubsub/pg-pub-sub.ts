import { Logger } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { Pool } from 'pg';
import { DatabaseTimeouts, pgTimeouts } from '../database/pg-timeouts';
import { atMost, PgListener } from './pg-listener';

const CHANNEL = 'accord_events';

interface Envelope {
  trigger: string;
  payload: unknown;
}

type Handler = { trigger: string; onMessage: (payload: unknown) => void };

/**
 * A GraphQL PubSub carried by PostgreSQL LISTEN/NOTIFY, so that every API instance on one
 * database sees every event. One LISTEN connection receives (it reconnects forever after an
 * outage, see PgListener); a small pool sends, so publishing never waits on the listener.
 * Payloads stay small (ids): NOTIFY is limited to 8000 bytes, and subscribers read current
 * state anyway. An event published while the database is down is lost.
 */
export class PgPubSub extends PubSubEngine {
  private readonly logger = new Logger(PgPubSub.name);
  private readonly listener: PgListener;
  private readonly notifier: Pool;
  private readonly handlers = new Map<number, Handler>();
  private nextId = 1;

  constructor(connectionString: string, timeouts: DatabaseTimeouts) {
    super();
    const config = { connectionString, ...pgTimeouts(timeouts) };
    this.listener = new PgListener(config, CHANNEL, (payload) => this.receive(payload));
    this.notifier = new Pool({ ...config, max: 2, idleTimeoutMillis: 30_000 });
    // An idle connection cut by a restart is reported here; without a handler it would crash the app.
    this.notifier.on('error', (error) =>
      this.logger.warn(`NOTIFY connection lost: ${error.message}`),
    );
  }

  /** Whether events from other instances reach this one now. */
  get listening(): boolean {
    return this.listener.up;
  }

  connect(): Promise<void> {
    return this.listener.start();
  }

  async close(): Promise<void> {
    await this.listener.close();
    await atMost(1000, this.notifier.end());
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    const envelope: Envelope = { trigger, payload };
    await this.notifier.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(envelope)]);
  }

  subscribe(trigger: string, onMessage: (payload: unknown) => void): Promise<number> {
    const id = this.nextId++;
    this.handlers.set(id, { trigger, onMessage });
    return Promise.resolve(id);
  }

  unsubscribe(id: number): void {
    this.handlers.delete(id);
  }

  private receive(raw: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      // Any role on the database may NOTIFY this channel: ignore what is not ours.
      this.logger.warn('Ignored a notification that is not JSON');
      return;
    }
    for (const handler of this.handlers.values()) {
      if (handler.trigger === envelope.trigger) handler.onMessage(envelope.payload);
    }
  }
}
