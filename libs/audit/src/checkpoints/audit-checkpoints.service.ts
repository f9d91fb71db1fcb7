import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository';
import { checkpointMac, checkpointMacValid } from './checkpoint-mac';

/** Injection token of the checkpoint key (a Buffer); see checkpointKey(). */
export const AUDIT_CHECKPOINT_KEY = Symbol('AUDIT_CHECKPOINT_KEY');

/** A checkpoint is written when the head is this many ids past the last one... */
export const CHECKPOINT_EVERY_EVENTS = 100;
/** ...and by a timer this often, for whatever came since (nothing is written when nothing changed). */
export const CHECKPOINT_EVERY_MS = 5 * 60_000;

@Injectable()
export class AuditCheckpointsService {
  private readonly logger = new Logger('AuditCheckpoints');

  constructor(
    private readonly checkpoints: AuditCheckpointsRepository,
    @Inject(AUDIT_CHECKPOINT_KEY) private readonly key: Buffer,
  ) {}

  /** Inside the chain lock: `eventId` must be the head. */
  async write(eventId: string, eventHash: string): Promise<void> {
    const at = new Date();
    const mac = checkpointMac(this.key, { eventId, eventHash, at });
    await this.checkpoints.insert({ at, eventId, eventHash, mac });
    // A copy outside the database: whoever can rewrite both tables cannot rewrite the logs shipped elsewhere.
    this.logger.log(`Audit checkpoint: event ${eventId} hash ${eventHash} at ${at.toISOString()}`);
  }

  all(): Promise<AuditCheckpointEntity[]> {
    return this.checkpoints.all();
  }

  isAuthentic(checkpoint: AuditCheckpointEntity): boolean {
    return checkpointMacValid(this.key, checkpoint);
  }
}
