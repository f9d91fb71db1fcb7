import { auditHash } from './audit-hash';
import { AuditRepository } from './audit.repository';
import { AuditCheckpointEntity } from './checkpoints/audit-checkpoint.entity';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';

export enum AuditChainProblem {
  /** An event's hash, its link to the previous one of its stream or its place does not match. */
  CHAIN_BROKEN = 'CHAIN_BROKEN',
  /** A checkpoint (or a stream's head) vouches for an event that is no longer there. */
  EVENTS_MISSING = 'EVENTS_MISSING',
  /** The checkpointed event is there with another hash: the chain was rewritten and re-hashed. */
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  /** A checkpoint's signature is wrong (forged, altered, another key) or checkpoints were removed. */
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

/** An event a checkpoint vouches for, by id (v2 hashes cover the id, so it cannot move). */
interface Vouched {
  hash: string;
  stream: string | null;
  /** Index of the first checkpoint naming it. */
  checkpoint: number;
  seen: boolean;
}

interface StreamState {
  seq: bigint;
  hash: string | null;
}

/**
 * One verification run, on one snapshot: checks the checkpoints' signatures and their chain, then
 * walks every event oldest first, following each stream's chain (seq, link, hash), then checks
 * that every event a checkpoint or a stream head names is there with that hash.
 */
export class AuditChainVerifier {
  private checked = 0;
  private checkpoints: AuditCheckpointEntity[] = [];
  private readonly vouched = new Map<string, Vouched>();
  private readonly streams = new Map<string, StreamState>();

  constructor(
    private readonly events: AuditRepository,
    private readonly signer: AuditCheckpointsService,
  ) {}

  async run(): Promise<AuditVerificationResult> {
    this.checkpoints = await this.signer.all();
    const forged = this.checkSignatures();
    if (forged) return forged;
    this.checkpoints.forEach((checkpoint, index) => this.vouch(checkpoint, index));

    let lastId: string | null = null;
    for (;;) {
      const batch = await this.events.batchAfter(lastId, BATCH);
      for (const event of batch) {
        this.checked++;
        const state = this.streams.get(event.stream) ?? { seq: 0n, hash: null };
        if (
          BigInt(event.seq) !== state.seq + 1n ||
          event.prevHash !== state.hash ||
          auditHash(event) !== event.hash
        )
          return this.fail(
            AuditChainProblem.CHAIN_BROKEN,
            event.id,
            `Event ${event.id} (stream ${event.stream}, #${event.seq}) does not match its stream's hash chain`,
          );
        const vouched = this.vouched.get(event.id);
        if (vouched) {
          if (vouched.hash !== event.hash)
            return this.fail(
              AuditChainProblem.CHECKPOINT_MISMATCH,
              event.id,
              `Event ${event.id} no longer has the hash checkpoint ${this.checkpoints[vouched.checkpoint].id} signed: the chain was rewritten`,
            );
          vouched.seen = true;
        }
        this.streams.set(event.stream, { seq: BigInt(event.seq), hash: event.hash });
        lastId = event.id;
      }
      if (batch.length < BATCH) break;
    }
    return this.checkNothingMissing(lastId) ?? (await this.checkHeads()) ?? this.ok();
  }

  /** Each MAC, and for v2 the link to the checkpoint before (a removed checkpoint breaks it). */
  private checkSignatures(): AuditVerificationResult | null {
    for (const [index, checkpoint] of this.checkpoints.entries()) {
      const previous = index > 0 ? this.checkpoints[index - 1].mac : null;
      if (!this.signer.isAuthentic(checkpoint))
        return this.fail(
          AuditChainProblem.FORGED_CHECKPOINT,
          checkpoint.eventId,
          `Checkpoint ${checkpoint.id} (event ${checkpoint.eventId}) does not carry a valid signature`,
        );
      if (checkpoint.version !== 1 && checkpoint.prevMac !== previous)
        return this.fail(
          AuditChainProblem.FORGED_CHECKPOINT,
          checkpoint.eventId,
          `Checkpoint ${checkpoint.id} (event ${checkpoint.eventId}) does not follow the checkpoint before it: checkpoints were removed`,
        );
    }
    return null;
  }

  private vouch(checkpoint: AuditCheckpointEntity, index: number): void {
    const add = (eventId: string, hash: string, stream: string | null) => {
      if (!this.vouched.has(eventId))
        this.vouched.set(eventId, { hash, stream, checkpoint: index, seen: false });
    };
    for (const [stream, , eventId, hash] of checkpoint.heads ?? []) add(eventId, hash, stream);
    add(checkpoint.eventId, checkpoint.eventHash, null);
  }

  /** The earliest checkpoint that names a missing event; reports the newest event it misses. */
  private checkNothingMissing(lastSeen: string | null): AuditVerificationResult | null {
    let worst: { eventId: string; vouched: Vouched } | null = null;
    for (const [eventId, vouched] of this.vouched) {
      if (vouched.seen) continue;
      if (
        !worst ||
        vouched.checkpoint < worst.vouched.checkpoint ||
        (vouched.checkpoint === worst.vouched.checkpoint && BigInt(eventId) > BigInt(worst.eventId))
      )
        worst = { eventId, vouched };
    }
    if (!worst) return null;
    const checkpoint = this.checkpoints[worst.vouched.checkpoint];
    return this.fail(
      AuditChainProblem.EVENTS_MISSING,
      worst.eventId,
      `Event ${worst.eventId}${worst.vouched.stream ? ` (stream ${worst.vouched.stream})` : ''} was checkpointed (checkpoint ${checkpoint.id}) but is missing ` +
        `(last event read: ${lastSeen ?? 'none'}): events were removed`,
      worst.vouched.checkpoint,
    );
  }

  /** Each stream's head row must name the last event walked: a shorter stream lost its tail. */
  private async checkHeads(): Promise<AuditVerificationResult | null> {
    for (const head of await this.events.streams()) {
      const walked = this.streams.get(head.stream) ?? { seq: 0n, hash: null };
      if (BigInt(head.seq) === walked.seq && head.headHash === walked.hash) continue;
      const missing = BigInt(head.seq) > walked.seq;
      return this.fail(
        missing ? AuditChainProblem.EVENTS_MISSING : AuditChainProblem.CHAIN_BROKEN,
        head.headId ?? '0',
        `Stream ${head.stream} should end at #${head.seq} (event ${head.headId}) but its events end at #${walked.seq}`,
      );
    }
    return null;
  }

  private ok(): AuditVerificationResult {
    return {
      ...this.summary(this.checkpoints.length),
      ok: true,
      firstBrokenId: null,
      problem: null,
      detail: null,
    };
  }

  /** `verifiedCheckpoints`: how many checkpoints, in order, are known good when it fails. */
  private fail(
    problem: AuditChainProblem,
    id: string,
    detail: string,
    verifiedCheckpoints = problem === AuditChainProblem.FORGED_CHECKPOINT ? 0 : this.fullyMatched(),
  ): AuditVerificationResult {
    return { ...this.summary(verifiedCheckpoints), ok: false, firstBrokenId: id, problem, detail };
  }

  /** Checkpoints, in order, every event of which has been seen with its signed hash. */
  private fullyMatched(): number {
    let first = this.checkpoints.length;
    for (const vouched of this.vouched.values())
      if (!vouched.seen) first = Math.min(first, vouched.checkpoint);
    return first;
  }

  private summary(verifiedCheckpoints: number) {
    const covered = this.checkpoints.slice(0, verifiedCheckpoints);
    return {
      checked: this.checked,
      checkpointsChecked: covered.length,
      lastCheckpointEventId: covered.length ? covered[covered.length - 1].eventId : null,
    };
  }
}
