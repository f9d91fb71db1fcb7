import { Controller, Get, Inject, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { PgPubSub, Public, PUB_SUB } from '@accord/common';
import { DataSource } from 'typeorm';
import { READINESS_PROBES, ReadinessProbe } from './readiness-probe';

/** A part that does not answer within this time is reported down. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Terminus's two probes. `/health` is liveness: the process answers HTTP, nothing else is
 * touched (a database outage must not make an orchestrator restart every instance; it is
 * what readiness is for). `/health/ready` is readiness: 200 when the database answers a
 * query through the pool, the LISTEN connection that carries subscription events is up,
 * and every READINESS_PROBES part works; else 503 with the failing parts under `error`.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PgPubSub,
    @Optional() @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[] | null,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  liveness(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  readiness(): Promise<HealthCheckResult> {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            try {
              await this.dataSource.query('SELECT 1');
            } catch (error) {
              // The driver's words (host, database name) are for the operator, not the prober.
              this.logger.warn(`Readiness: database down: ${(error as Error).message}`);
              throw new Error('not reachable', { cause: error });
            }
          })
          .withTimeout(PROBE_TIMEOUT_MS),
      () => {
        const listener = this.indicators.check('listener');
        return this.pubSub.listening ? listener.up() : listener.down();
      },
      // The job queue's check goes here through READINESS_PROBES, once there is a queue.
      ...(this.probes ?? []).map(
        (probe) => () =>
          this.indicators
            .check(probe.key)
            .attempt(() => probe.check())
            .withTimeout(PROBE_TIMEOUT_MS),
      ),
    ]);
  }
}
