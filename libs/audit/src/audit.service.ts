import { Injectable } from '@nestjs/common';
import { Actor, DomainException, pageSize, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { assertCan } from '@accord/policy';
import { auditHash } from './audit-hash';
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
}

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpointsService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  /**
   * Appends an event to the chain. Call it inside the mutation's transaction, so that the change
   * and its record commit together or not at all. Every CHECKPOINT_EVERY_EVENTS events it also
   * signs a checkpoint of the new head, in the same transaction.
   */
  async record(actor: Actor | null, record: AuditRecord): Promise<void> {
    await this.audit.lockChain();
    const head = await this.audit.head();
    const fields = {
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
    const event = await this.audit.insert({ ...fields, hash: auditHash(fields) });
    if (BigInt(event.id) - BigInt(head.checkpointedId ?? 0) >= CHECKPOINT_EVERY_EVENTS)
      await this.checkpoints.write(event.id, event.hash);
  }

  /** Signs a checkpoint of the current head unless one already covers it; used by the timer. */
  checkpointHead(): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      await this.audit.lockChain();
      const head = await this.audit.head();
      if (!head.id || !head.hash || head.id === head.checkpointedId) return false;
      await this.checkpoints.write(head.id, head.hash);
      return true;
    });
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
   * Recomputes every hash from the first event on and checks every checkpoint against it, on one
   * snapshot; reports the first problem found.
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
