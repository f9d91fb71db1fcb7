import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@accord/common';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenMatches } from './metrics-access';
import { MetricsService } from './metrics.service';

/**
 * With METRICS_PORT, a second listener on METRICS_HOST (127.0.0.1 unless set) that serves
 * only GET /metrics: scrapers reach it from the machine or a private network, never
 * through the public port. METRICS_TOKEN, when set, is required here too.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { metricsPort, metricsHost, metricsToken } = this.config;
    if (metricsPort === null) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404).end();
      } else if (metricsToken && !tokenMatches(req.headers.authorization, metricsToken)) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"' }).end();
      } else {
        this.metrics.render().then(
          (body) => res.writeHead(200, { 'Content-Type': this.metrics.contentType }).end(body),
          () => res.writeHead(500).end(),
        );
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(metricsPort, metricsHost, () => resolve());
    });
    this.server = server;
    this.logger.log(`Metrics at http://${metricsHost}:${this.port}/metrics`);
  }

  /** The port it listens on (METRICS_PORT, or the one the system chose for 0). */
  get port(): number | null {
    return (this.server?.address() as AddressInfo | null)?.port ?? null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
