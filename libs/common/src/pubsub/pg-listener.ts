import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;
/** How often an idle LISTEN connection is checked: a hung server never closes the socket. */
const CHECK_INTERVAL_MS = 5000;
/** A hung server never answers the goodbye: shutting down does not wait for it longer. */
const CLOSE_WAIT_MS = 1000;

/** Waits for `promise`, or `ms`, whichever comes first; never rejects. */
export async function atMost(ms: number, promise: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

/**
 * One LISTEN connection that comes back by itself. After any loss (the server restarted,
 * the network dropped, a check query timed out) it reconnects forever, waiting 0.25 s,
 * 0.5 s, 1 s … up to 5 s between attempts, then LISTENs again. `up` says whether it is
 * listening now (reported by /health).
 */
export class PgListener {
  private readonly logger = new Logger('PgListener');
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: ClientConfig,
    /** A fixed identifier (never user input): LISTEN takes no parameters. */
    private readonly channel: string,
    private readonly onNotification: (payload: string) => void,
  ) {}

  get up(): boolean {
    return this.listening;
  }

  /** The first connection must succeed: the app does not start without its database. */
  async start(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      await this.close();
      throw error;
    }
    this.checkTimer = setInterval(() => void this.check(), CHECK_INTERVAL_MS).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.checkTimer) clearInterval(this.checkTimer);
    const client = this.client;
    this.client = null;
    if (client) await atMost(CLOSE_WAIT_MS, client.end());
  }

  private async open(): Promise<void> {
    const client = new Client(this.config);
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', ({ channel, payload }) => {
      if (channel === this.channel && payload) this.onNotification(payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      this.lost(client, error as Error);
      throw error;
    }
    if (this.client !== client) return;
    this.listening = true;
    if (this.failures > 0) this.logger.log('LISTEN connection restored');
    this.failures = 0;
  }

  private async check(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) return;
    await client.query('SELECT 1').catch((error: Error) => this.lost(client, error));
  }

  /** Drops a failed connection (once) and schedules the next attempt. */
  private lost(client: Client, error: Error | null): void {
    if (client !== this.client || this.closed) return;
    this.client = null;
    this.listening = false;
    if (this.failures === 0) {
      this.logger.error(`LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
    }
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.open().catch(() => undefined);
    }, delay).unref();
  }
}
