import { Injectable } from '@nestjs/common';
import { Actor, DomainException, pageSize, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { assertCan } from '@accord/policy';
import { auditHash } from './audit-hash';
import { auditStreamOf } from './audit-stream';
import { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditChainVerifier, AuditVerificationResult } from './audit-chain-verifier';
import {
  AuditCheckpointsService,
  CHECKPOINT_EVERY_EVENTS,
} from './checkpoints/audit-checkpoints.service';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
  /** The chain to append to; derived from the entity when absent (see auditStreamOf). */
  stream?: string;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpointsService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  /**
   * Appends an event to its stream's chain. Call it inside the mutation's transaction, so that
   * the change and its record commit together or not at all; call it last, as the stream stays
   * locked until the commit. When the new event's id is CHECKPOINT_EVERY_EVENTS past the last
   * checkpoint, it also signs a checkpoint, in the same transaction.
   */
  record(actor: Actor | null, record: AuditRecord): Promise<void> {
    // Joins the caller's transaction; a caller without one (a failed login) gets its own, since
    // the stream's lock must be held from reading the head to moving it.
    return this.txHost.withTransaction(() => this.appendToStream(actor, record));
  }

  private async appendToStream(actor: Actor | null, record: AuditRecord): Promise<void> {
    const stream = auditStreamOf(record);
    const head = await this.audit.lockStream(stream);
    const fields = {
      id: head.nextId,
      stream,
      seq: String(BigInt(head.seq) + 1n),
      at: new Date(),
      actorId: actor?.id ?? null,
      participantId: actor?.membership?.participantId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      // Stored as jsonb: hash exactly what will be read back (Dates become ISO strings).
      details: JSON.parse(JSON.stringify(record.details ?? {})) as Record<string, unknown>,
      prevHash: head.hash,
    };
    await this.audit.append({ ...fields, hash: auditHash(fields) });
    // A writer never queues for the checkpoint: while another transaction signs one (it covers
    // the heads it read), this one goes on, and the next event past the mark (or the timer)
    // signs the next. Writes on different documents thus do not wait on each other here either.
    if (BigInt(fields.id) - BigInt(head.checkpointedId ?? 0) >= CHECKPOINT_EVERY_EVENTS)
      await this.checkpoints.write(CHECKPOINT_EVERY_EVENTS, { wait: false });
  }

  /** Signs a checkpoint of every stream that moved since the last one; used by the timer. */
  checkpointHead(): Promise<boolean> {
    return this.txHost.withTransaction(() => this.checkpoints.write(1));
  }

  list(
    actor: Actor | null,
    first: number,
    after: string | null,
    entityId: string | null,
  ): Promise<AuditEventEntity[]> {
    assertCan(actor, 'audit.read', {});
    pageSize(first);
    if (after !== null && !/^\d{1,18}$/.test(after))
      throw DomainException.badInput('after', 'after is not a valid cursor');
    return this.audit.list(first, after, entityId);
  }

  /**
   * Recomputes every hash of every stream from its first event on, checks every checkpoint (and
   * the stream heads) against them, on one snapshot; reports the first problem found.
   */
  verify(actor: Actor | null): Promise<AuditVerificationResult> {
    assertCan(actor, 'audit.read', {});
    return this.verifyByOperator();
  }

  /** The same verification for an operator's task on the server (`npm run accord -- verify-audit`). */
  verifyByOperator(): Promise<AuditVerificationResult> {
    return this.txHost.withTransaction({ isolationLevel: 'REPEATABLE READ' }, () =>
      new AuditChainVerifier(this.audit, this.checkpoints).run(),
    );
  }
}
