import { Logger } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import createSubscriber, { Subscriber } from 'pg-listen';

const CHANNEL = 'accord_events';

interface Envelope {
  trigger: string;
  payload: unknown;
}

type Handler = { trigger: string; onMessage: (payload: unknown) => void };

/**
 * A GraphQL PubSub carried by PostgreSQL LISTEN/NOTIFY (through pg-listen, which reconnects),
 * so that every API instance on one database sees every event. Payloads stay small (ids):
 * NOTIFY is limited to 8000 bytes, and subscribers read current state anyway.
 */
export class PgPubSub extends PubSubEngine {
  private readonly logger = new Logger(PgPubSub.name);
  private readonly subscriber: Subscriber<Record<string, Envelope>>;
  private readonly handlers = new Map<number, Handler>();
  private nextId = 1;

  constructor(connectionString: string) {
    super();
    this.subscriber = createSubscriber({ connectionString }, { paranoidChecking: 30_000 });
    this.subscriber.events.on('error', (error) =>
      this.logger.error(`LISTEN connection lost: ${error.message}`),
    );
    this.subscriber.notifications.on(CHANNEL, (envelope: Envelope) => this.dispatch(envelope));
  }

  async connect(): Promise<void> {
    await this.subscriber.connect();
    await this.subscriber.listenTo(CHANNEL);
  }

  async close(): Promise<void> {
    await this.subscriber.close();
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    await this.subscriber.notify(CHANNEL, { trigger, payload });
  }

  subscribe(trigger: string, onMessage: (payload: unknown) => void): Promise<number> {
    const id = this.nextId++;
    this.handlers.set(id, { trigger, onMessage });
    return Promise.resolve(id);
  }

  unsubscribe(id: number): void {
    this.handlers.delete(id);
  }

  private dispatch({ trigger, payload }: Envelope): void {
    for (const handler of this.handlers.values()) {
      if (handler.trigger === trigger) handler.onMessage(payload);
    }
  }
}
