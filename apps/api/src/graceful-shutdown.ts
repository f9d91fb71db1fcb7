import type { Server, ServerResponse } from 'node:http';

/**
 * Tracks the HTTP requests in flight so that a shutdown can wait for them. WebSockets are not
 * requests: they are closed with the app (graphql-ws says "going away").
 */
export class RequestTracker {
  private readonly active = new Set<ServerResponse>();
  private draining = false;
  private onIdle?: () => void;

  constructor(private readonly server: Server) {
    server.on('request', (_request, response: ServerResponse) => {
      this.active.add(response);
      if (this.draining) this.closeAfter(response);
      response.once('close', () => {
        this.active.delete(response);
        // A finished keep-alive connection would hold the server open: close it now.
        if (this.draining) this.server.closeIdleConnections();
        if (this.active.size === 0) this.onIdle?.();
      });
    });
  }

  get inFlight(): number {
    return this.active.size;
  }

  /**
   * Stops accepting connections (new ones are refused), lets the requests in flight finish
   * and closes each connection after its response. Resolves true when none is left, false
   * when `graceMs` ran out first.
   */
  drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    this.server.close();
    this.server.closeIdleConnections();
    for (const response of this.active) this.closeAfter(response);
    if (this.active.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), graceMs);
      this.onIdle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  private closeAfter(response: ServerResponse): void {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  }
}
