import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Public } from '@accord/common';
import type { Request, Response } from 'express';
import { metricsAccessOnApiPort } from './metrics-access';
import { MetricsService } from './metrics.service';

/** GET /metrics on the API port, for whom metricsAccessOnApiPort allows. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const access = metricsAccessOnApiPort(this.config, req);
    if (access === 'unauthorised') {
      res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.json({ code: 'UNAUTHENTICATED', message: 'A valid metrics token is required' });
      return;
    }
    if (access === 'hidden') {
      res.status(404).json({ message: 'Cannot GET /metrics', statusCode: 404 });
      return;
    }
    res.setHeader('Content-Type', this.metrics.contentType);
    res.send(await this.metrics.render());
  }
}
