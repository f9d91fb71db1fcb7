import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../audit.service';
import { CHECKPOINT_EVERY_MS } from './audit-checkpoints.service';

/** Checkpoints the head every few minutes, so that a quiet period's last events are covered too. */
@Injectable()
export class AuditCheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private timer?: NodeJS.Timeout;

  constructor(private readonly audit: AuditService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), CHECKPOINT_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.audit.checkpointHead();
    } catch (error) {
      // The next tick or the next N events try again; a database outage is reported by /health.
      this.logger.warn(`Audit checkpoint failed: ${(error as Error).message}`);
    }
  }
}
