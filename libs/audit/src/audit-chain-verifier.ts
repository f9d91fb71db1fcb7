import { auditHash } from './audit-hash';
import { AuditRepository } from './audit.repository';
import { AuditCheckpointEntity } from './checkpoints/audit-checkpoint.entity';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';

export enum AuditChainProblem {
  /** An event's hash or its link to the previous one does not match: a row changed or vanished. */
  CHAIN_BROKEN = 'CHAIN_BROKEN',
  /** A checkpoint vouches for an event that is no longer there: the newest events were removed. */
  EVENTS_MISSING = 'EVENTS_MISSING',
  /** The checkpointed event is there with another hash: the chain was rewritten and re-hashed. */
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  /** A checkpoint's signature is wrong: forged, altered, or signed with another key. */
  FORGED_CHECKPOINT = 'FORGED_CHECKPOINT',
}

export interface AuditVerificationResult {
  ok: boolean;
  checked: number;
  /** The event (for a checkpoint problem: the checkpointed event) where the problem shows. */
  firstBrokenId: string | null;
  problem: AuditChainProblem | null;
  detail: string | null;
  checkpointsChecked: number;
  /** The newest event a valid checkpoint vouches for. */
  lastCheckpointEventId: string | null;
}

const BATCH = 1000;

/** One verification run: walks the events oldest first, the checkpoints alongside. */
export class AuditChainVerifier {
  private checked = 0;
  private checkpointsChecked = 0;
  private checkpoints: AuditCheckpointEntity[] = [];

  constructor(
    private readonly events: AuditRepository,
    private readonly signer: AuditCheckpointsService,
  ) {}

  async run(): Promise<AuditVerificationResult> {
    this.checkpoints = await this.signer.all();
    const forged = this.checkpoints.find((c) => !this.signer.isAuthentic(c));
    if (forged) {
      return this.fail(
        AuditChainProblem.FORGED_CHECKPOINT,
        forged.eventId,
        `Checkpoint ${forged.id} (event ${forged.eventId}) does not carry a valid signature`,
      );
    }
    let next = 0;
    let prevHash: string | null = null;
    let lastId: string | null = null;
    for (;;) {
      const batch = await this.events.batchAfter(lastId, BATCH);
      for (const event of batch) {
        // A checkpoint below this id names an event that is gone.
        if (
          next < this.checkpoints.length &&
          BigInt(this.checkpoints[next].eventId) < BigInt(event.id)
        )
          return this.missing(this.checkpoints[next], lastId);
        this.checked++;
        if (event.prevHash !== prevHash || auditHash(event) !== event.hash)
          return this.fail(
            AuditChainProblem.CHAIN_BROKEN,
            event.id,
            `Event ${event.id} does not match its hash chain`,
          );
        for (
          ;
          next < this.checkpoints.length && this.checkpoints[next].eventId === event.id;
          next++
        ) {
          if (this.checkpoints[next].eventHash !== event.hash) {
            return this.fail(
              AuditChainProblem.CHECKPOINT_MISMATCH,
              event.id,
              `Event ${event.id} no longer has the hash checkpoint ${this.checkpoints[next].id} signed: the chain was rewritten`,
            );
          }
          this.checkpointsChecked++;
        }
        prevHash = event.hash;
        lastId = event.id;
      }
      if (batch.length < BATCH) break;
    }
    if (next < this.checkpoints.length) return this.missing(this.checkpoints[next], lastId);
    return { ...this.summary(), ok: true, firstBrokenId: null, problem: null, detail: null };
  }

  private missing(
    checkpoint: AuditCheckpointEntity,
    lastSeen: string | null,
  ): AuditVerificationResult {
    const last = this.checkpoints[this.checkpoints.length - 1].eventId;
    return this.fail(
      AuditChainProblem.EVENTS_MISSING,
      checkpoint.eventId,
      `Event ${checkpoint.eventId} was checkpointed but is missing (last event read: ${lastSeen ?? 'none'}; ` +
        `checkpoints reach event ${last}): events were removed`,
    );
  }

  private fail(problem: AuditChainProblem, id: string, detail: string): AuditVerificationResult {
    return { ...this.summary(), ok: false, firstBrokenId: id, problem, detail };
  }

  private summary() {
    const covered = this.checkpoints.slice(0, this.checkpointsChecked);
    return {
      checked: this.checked,
      checkpointsChecked: this.checkpointsChecked,
      lastCheckpointEventId: covered.length ? covered[covered.length - 1].eventId : null,
    };
  }
}
