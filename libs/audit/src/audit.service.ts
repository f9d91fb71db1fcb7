import { Injectable } from '@nestjs/common';
import { Actor, DomainException, pageSize } from '@accord/common';
import { assertCan } from '@accord/policy';
import { auditHash } from './audit-hash';
import { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

export interface AuditVerificationResult {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}

const VERIFY_BATCH = 1000;

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /**
   * Appends an event to the chain. Call it inside the mutation's transaction, so that the change
   * and its record commit together or not at all.
   */
  async record(actor: Actor | null, record: AuditRecord): Promise<void> {
    await this.audit.lockChain();
    const prevHash = await this.audit.lastHash();
    const fields = {
      at: new Date(),
      actorId: actor?.id ?? null,
      participantId: actor?.membership?.participantId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      // Stored as jsonb: hash exactly what will be read back (Dates become ISO strings).
      details: JSON.parse(JSON.stringify(record.details ?? {})) as Record<string, unknown>,
      prevHash,
    };
    await this.audit.insert({ ...fields, hash: auditHash(fields) });
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

  /** Recomputes every hash from the first event on; reports the first event that does not match. */
  async verify(actor: Actor | null): Promise<AuditVerificationResult> {
    assertCan(actor, 'audit.read', {});
    let prevHash: string | null = null;
    let checked = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.audit.batchAfter(afterId, VERIFY_BATCH);
      for (const event of batch) {
        checked++;
        if (event.prevHash !== prevHash || auditHash(event) !== event.hash) {
          return { ok: false, checked, firstBrokenId: event.id };
        }
        prevHash = event.hash;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, checked, firstBrokenId: null };
      afterId = batch[batch.length - 1].id;
    }
  }
}
