import { PUB_SUB } from '@accord/common';
import { Client, createClient } from 'graphql-ws';
import { PubSubEngine } from 'graphql-subscriptions';
import WebSocket from 'ws';
import { TestApp } from '../support/test-app';

export interface WsError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface WsResult {
  data?: Record<string, any> | null;
  errors?: WsError[];
}

export const wsUrl = (t: TestApp) => `${t.baseUrl.replace(/^http/, 'ws')}/graphql`;

/**
 * One graphql-ws connection, opened at once and kept open (lazy: false), so that a test can
 * run operations one after the other over the same socket and check it was never reopened.
 */
export class WsSession {
  readonly client: Client;
  connections = 0;
  closeCode: number | null = null;

  constructor(t: TestApp, token: string | null) {
    this.client = createClient({
      url: wsUrl(t),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: {
        connected: () => this.connections++,
        closed: (event) => (this.closeCode = (event as { code: number }).code),
      },
    });
  }

  /** A query or mutation: its result, or the errors the server refused it with. */
  run(query: string, variables: Record<string, unknown> = {}): Promise<WsResult> {
    return new Promise((resolve, reject) => {
      let result: WsResult = {};
      this.client.subscribe(
        { query, variables },
        {
          next: (value) => (result = value as unknown as WsResult),
          error: (error) =>
            Array.isArray(error) ? resolve({ errors: error as WsError[] }) : reject(error),
          complete: () => resolve(result),
        },
      );
    });
  }

  subscribe(query: string, variables: Record<string, unknown>): WsStream {
    return new WsStream(this.client, query, variables);
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

/** A subscription whose results (events or errors) can be awaited one by one. */
export class WsStream {
  readonly results: WsResult[] = [];
  ended = false;
  failure: unknown = null;
  private waiters: (() => void)[] = [];

  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    client.subscribe(
      { query, variables },
      {
        next: (value) => this.push(() => this.results.push(value as unknown as WsResult)),
        error: (error) =>
          this.push(() => {
            this.failure = error;
            this.ended = true;
          }),
        complete: () => this.push(() => (this.ended = true)),
      },
    );
  }

  /** Waits until the stream has more than `count` results, or has ended. */
  async after(count: number): Promise<void> {
    while (this.results.length <= count && !this.ended) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async untilEnded(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private push(change: () => void): void {
    change();
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

/**
 * A subscription listens a moment after the client sends it: nudge with bare notifications
 * (no change) until a first event arrives, so that nothing later can be missed.
 */
export async function nudgeUntilReceived(
  t: TestApp,
  stream: WsStream,
  trigger: string,
  payload: unknown,
): Promise<void> {
  const pubSub = t.app.get<PubSubEngine>(PUB_SUB);
  const before = stream.results.length;
  while (stream.results.length === before && !stream.ended) {
    await pubSub.publish(trigger, payload);
    await Promise.race([stream.after(before), new Promise((r) => setTimeout(r, 100))]);
  }
}
