import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgPubSub, Public, PUB_SUB } from '@accord/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2000;

type PartStatus = 'up' | 'down';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PgPubSub,
  ) {}

  /**
   * 200 when every part works; 503 naming the parts that do not: `database` (a query through
   * the pool) and `listener` (the LISTEN connection that carries subscription events).
   */
  @Get()
  @Public()
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    const database = await this.probeDatabase();
    const listener: PartStatus = this.pubSub.listening ? 'up' : 'down';
    const down = Object.entries({ database, listener })
      .filter(([, status]) => status === 'down')
      .map(([part]) => part);
    res.status(down.length ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).json({
      status: down.length ? 'unavailable' : 'ok',
      database,
      listener,
      ...(down.length ? { down } : {}),
      latencyMs: Date.now() - started,
    });
  }

  private probeDatabase(): Promise<PartStatus> {
    return Promise.race([
      this.dataSource.query('SELECT 1').then(() => 'up' as const),
      new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS).unref()),
    ]).catch(() => 'down' as const);
  }
}
