import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@accord/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 when it does not. */
  @Get()
  @Public()
  async health(@Res() res: Response): Promise<void> {
    const started = Date.now();
    const database = await Promise.race([
      this.dataSource.query('SELECT 1').then(() => 'up' as const),
      new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS).unref()),
    ]).catch(() => 'down' as const);
    const ok = database === 'up';
    res
      .status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ok ? 'ok' : 'unavailable', database, latencyMs: Date.now() - started });
  }
}
