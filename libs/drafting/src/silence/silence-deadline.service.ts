import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditService } from '@accord/audit';
import { DocumentStatus, NotificationKind } from '@accord/common';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { AdoptionReadiness } from '../lifecycle/adoption-readiness.service';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { SilenceStatus } from './silence-status';
import { SilenceRepository } from './silence.repository';

/** What adoptAtDeadline did. */
export type DeadlineOutcome =
  /** The text was adopted, dated at the deadline. */
  | 'ADOPTED'
  /** The deadline has not come (by the database's clock): nothing changed. */
  | 'NOT_DUE'
  /** The procedure had already ended (broken, cancelled, or adopted by another instance). */
  | 'ALREADY_ENDED'
  /** The text could no longer be adopted (should not happen: it is frozen): CANCELLED. */
  | 'NOT_ADOPTABLE';

/**
 * Adoption at a silence deadline, exactly once: the document row and then the procedure row
 * are locked (the order every silence change takes), the procedure must still be RUNNING and
 * its deadline reached by the database's clock. Whoever comes second (another instance, a
 * retry, the start-up sweep, a break that lost the race) sees it ended and changes nothing.
 */
@Injectable()
export class SilenceDeadlineService {
  private readonly logger = new Logger(SilenceDeadlineService.name);

  constructor(
    private readonly locks: DraftLocks,
    private readonly procedures: SilenceRepository,
    private readonly lifecycle: LifecycleService,
    private readonly readiness: AdoptionReadiness,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  async adoptAtDeadline(procedureId: string): Promise<DeadlineOutcome> {
    const result = await this.txHost.withTransaction(async () => {
      const before = await this.procedures.getById(procedureId);
      if (!before) return { outcome: 'ALREADY_ENDED' as const, documentId: null };
      const document = await this.locks.document(before.documentId, 'documentId', {
        whileSilent: true,
      });
      const procedure = await this.procedures.lockById(procedureId);
      if (procedure?.status !== SilenceStatus.RUNNING)
        return { outcome: 'ALREADY_ENDED' as const, documentId: null };
      if (await this.procedures.isBefore(procedure.deadline))
        return { outcome: 'NOT_DUE' as const, documentId: null };
      const { reasons } =
        document.status === DocumentStatus.NEGOTIATION
          ? await this.readiness.check(document)
          : { reasons: [`the document is ${document.status}`] };
      if (reasons.length) {
        const cancelReason = `The text could not be adopted at the deadline: ${reasons.join('; ')}`;
        await this.procedures.end(procedure.id, SilenceStatus.CANCELLED, { cancelReason });
        await this.audit.record(null, {
          action: 'silence.cancelled',
          entityType: 'SilenceProcedure',
          entityId: procedure.id,
          details: { documentId: document.id, reason: cancelReason },
        });
        return { outcome: 'NOT_ADOPTABLE' as const, documentId: document.id };
      }
      await this.procedures.end(procedure.id, SilenceStatus.CONCLUDED);
      await this.lifecycle.adoptLocked(
        document,
        procedure.deadline,
        {
          silenceProcedureId: procedure.id,
          reason: 'Adopted under the silence procedure: nobody broke silence before the deadline',
        },
        NotificationKind.SILENCE_CONCLUDED,
      );
      await this.audit.record(null, {
        action: 'silence.concluded',
        entityType: 'SilenceProcedure',
        entityId: procedure.id,
        details: { documentId: document.id, adoptedAt: procedure.deadline.toISOString() },
      });
      return { outcome: 'ADOPTED' as const, documentId: document.id };
    });
    if (result.documentId) await this.events.changed(result.documentId);
    return result.outcome;
  }

  /**
   * Every RUNNING procedure whose deadline has passed (the API was down at the deadline, or its
   * job was lost): adopted now, dated at the deadline. Each one in its own transaction.
   */
  async sweep(): Promise<number> {
    const due = await this.txHost.withTransaction(() => this.procedures.dueIds());
    let adopted = 0;
    for (const id of due) {
      try {
        if ((await this.adoptAtDeadline(id)) === 'ADOPTED') adopted++;
      } catch (error) {
        this.logger.error(
          `Silence procedure ${id} could not be concluded: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return adopted;
  }
}
