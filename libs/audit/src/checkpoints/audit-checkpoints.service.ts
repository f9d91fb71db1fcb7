import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository';
import { checkpointMac, checkpointMacValid } from './checkpoint-mac';

/** Injection token of the checkpoint key (a Buffer); see checkpointKey(). */
export const AUDIT_CHECKPOINT_KEY = Symbol('AUDIT_CHECKPOINT_KEY');

/** A checkpoint is written when an event id is this many past the last checkpoint's... */
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

  /**
   * Signs the heads of the streams that moved since the last checkpoint, chained to it. Runs in
   * the caller's transaction (an event writer's, or the timer's own); `minEvents`: write nothing
   * unless the newest event is at least that many ids past the last checkpoint's.
   */
  async write(minEvents = 1, { wait = true }: { wait?: boolean } = {}): Promise<boolean> {
    if (!wait) {
      if (!(await this.checkpoints.tryLock())) return false;
    } else {
      await this.checkpoints.lock();
    }
    const draft = await this.checkpoints.draft();
    if (!draft.eventId || !draft.eventHash || !draft.heads.length) return false;
    if (BigInt(draft.eventId) - BigInt(draft.prevEventId ?? 0) < minEvents) return false;
    const fields = {
      at: new Date(),
      eventId: draft.eventId,
      eventHash: draft.eventHash,
      version: 2,
      heads: draft.heads,
      prevMac: draft.prevMac,
    };
    const mac = checkpointMac(this.key, fields);
    await this.checkpoints.insert({ ...fields, mac });
    // A copy outside the database: whoever can rewrite both tables cannot rewrite the logs shipped elsewhere.
    this.logger.log(
      `Audit checkpoint: event ${fields.eventId}, ${fields.heads.length} stream(s) moved, mac ${mac} at ${fields.at.toISOString()}`,
    );
    return true;
  }

  all(): Promise<AuditCheckpointEntity[]> {
    return this.checkpoints.all();
  }

  isAuthentic(checkpoint: AuditCheckpointEntity): boolean {
    return checkpointMacValid(this.key, checkpoint);
  }
}
