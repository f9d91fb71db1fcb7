import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  NOTIFIER,
  NotificationKind,
  Notifier,
  TransactionHost,
  TypeOrmAdapter,
  requireTimezone,
} from '@accord/common';
import { ParticipantByIdLoader } from '@accord/participants';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { found } from '../shared/found';
import { AdoptionReadiness } from '../lifecycle/adoption-readiness.service';
import { DocumentEntity } from '../documents/document.entity';
import { silenceDeadlineText } from './silence-deadline-text';
import { MAX_SILENCE_DAYS, silenceReason } from './silence-input';
import { SilenceProcedureEntity } from './silence-procedure.entity';
import { SilenceSchedule } from './silence-schedule';
import { SilenceStatus } from './silence-status';
import { SilenceRepository } from './silence.repository';

/**
 * The silence procedure: the secretariat circulates a text that could be adopted now with a
 * deadline; a participant that may sign breaks silence in writing before it, or the text is
 * adopted at the deadline (SilenceDeadlineService). The database's clock decides "before".
 */
@Injectable()
export class SilenceService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly procedures: SilenceRepository,
    private readonly readiness: AdoptionReadiness,
    private readonly schedule: SilenceSchedule,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    private readonly participants: ParticipantByIdLoader,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  async start(
    actor: Actor | null,
    documentId: string,
    deadline: Date,
    rawTimezone: string | null | undefined,
  ): Promise<SilenceProcedureEntity> {
    if (Number.isNaN(deadline.getTime()))
      throw DomainException.badInput('deadline', 'deadline must be a date and time');
    const given = rawTimezone?.trim() ? requireTimezone(rawTimezone) : null;
    const procedure = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(documentId, 'documentId', { whileSilent: true });
      assertAllowedOnDocument(actor, 'silence.start', document);
      await this.assertNoneRunning(document);
      const { blockers, reasons } = await this.readiness.check(document);
      if (reasons.length) {
        throw DomainException.invalidState(
          `Silence may start only on a text that could be adopted now: ${reasons.join('; ')}`,
          { ...blockers },
        );
      }
      const now = await this.procedures.now();
      if (deadline.getTime() <= now.getTime())
        throw DomainException.badInput('deadline', 'deadline must be in the future');
      if (deadline.getTime() > now.getTime() + MAX_SILENCE_DAYS * 86_400_000) {
        throw DomainException.badInput(
          'deadline',
          `deadline must be at most ${MAX_SILENCE_DAYS} days ahead`,
        );
      }
      const timezone = given ?? (await this.procedures.nextMeetingTimezone()) ?? 'UTC';
      const procedure = await this.procedures.create({
        documentId: document.id,
        deadline,
        timezone,
        startedById: actor!.id,
      });
      // Durable with the procedure: the job commits with it, or neither does.
      await this.schedule.scheduleAdoption(procedure);
      await this.audit.record(actor, {
        action: 'silence.started',
        entityType: 'SilenceProcedure',
        entityId: procedure.id,
        details: { documentId: document.id, deadline: deadline.toISOString(), timezone },
      });
      // Written in the transaction (the outbox), sent after it commits.
      await this.notifier.documentChanged(NotificationKind.SILENCE_STARTED, document.id, {
        deadline: deadline.toISOString(),
        deadlineTimezone: timezone,
      });
      return procedure;
    });
    await this.events.changed(procedure.documentId);
    return procedure;
  }

  /** By the head of delegation of a participant that may sign, strictly before the deadline. */
  async break(
    actor: Actor | null,
    procedureId: string,
    rawReason: string,
  ): Promise<SilenceProcedureEntity> {
    const reason = silenceReason(rawReason);
    const ended = await this.txHost.withTransaction(async () => {
      const { document, procedure } = await this.lockRunning(procedureId);
      const membership = actor?.membership;
      if (!membership)
        throw actor ? DomainException.forbidden() : DomainException.unauthenticated();
      assertCan(actor, 'silence.break', {
        ...document,
        participantId: membership.participantId,
        participantKind: membership.participantKind,
      });
      await this.assertBeforeDeadline(procedure, 'broken');
      const brk = await this.procedures.addBreak({
        procedureId: procedure.id,
        participantId: membership.participantId,
        brokenById: actor!.id,
        reason,
      });
      const ended = found(
        await this.procedures.end(procedure.id, SilenceStatus.BROKEN, { endedAt: brk.brokenAt }),
        'Silence procedure',
        'procedureId',
      );
      await this.audit.record(actor, {
        action: 'silence.broken',
        entityType: 'SilenceProcedure',
        entityId: procedure.id,
        details: { documentId: document.id, participantId: brk.participantId, reason },
      });
      const participant = await this.participants.create().load(brk.participantId);
      await this.notifier.documentChanged(NotificationKind.SILENCE_BROKEN, document.id, {
        brokenBy: participant?.name ?? 'A participant',
      });
      return ended;
    });
    await this.events.changed(ended.documentId);
    return ended;
  }

  async cancel(
    actor: Actor | null,
    procedureId: string,
    rawReason: string,
  ): Promise<SilenceProcedureEntity> {
    const reason = silenceReason(rawReason);
    const ended = await this.txHost.withTransaction(async () => {
      const { document, procedure } = await this.lockRunning(procedureId);
      assertAllowedOnDocument(actor, 'silence.cancel', document);
      await this.assertBeforeDeadline(procedure, 'cancelled');
      const ended = found(
        await this.procedures.end(procedure.id, SilenceStatus.CANCELLED, {
          cancelledById: actor!.id,
          cancelReason: reason,
        }),
        'Silence procedure',
        'procedureId',
      );
      await this.audit.record(actor, {
        action: 'silence.cancelled',
        entityType: 'SilenceProcedure',
        entityId: procedure.id,
        details: { documentId: document.id, reason },
      });
      return ended;
    });
    await this.events.changed(ended.documentId);
    return ended;
  }

  /** The procedure's document locked (the one lock order), then the procedure, which must run. */
  private async lockRunning(
    procedureId: string,
  ): Promise<{ document: DocumentEntity; procedure: SilenceProcedureEntity }> {
    const before = found(
      await this.procedures.getById(procedureId),
      'Silence procedure',
      'procedureId',
    );
    const document = await this.locks.document(before.documentId, 'documentId', {
      whileSilent: true,
    });
    const procedure = found(
      await this.procedures.lockById(procedureId),
      'Silence procedure',
      'procedureId',
    );
    if (procedure.status !== SilenceStatus.RUNNING) {
      throw DomainException.invalidState(
        `This silence procedure is ${procedure.status}; only a RUNNING one can be broken or cancelled`,
        { status: procedure.status },
      );
    }
    return { document, procedure };
  }

  private async assertNoneRunning(document: DocumentEntity): Promise<void> {
    const running = await this.procedures.runningOn(document.id);
    if (running) {
      throw DomainException.invalidState(
        `A silence procedure already runs on this document until ${silenceDeadlineText(running.deadline, running.timezone)}`,
        { silenceProcedureId: running.id },
      );
    }
  }

  /** Read under the procedure's lock: a break racing the deadline job gets one outcome. */
  private async assertBeforeDeadline(
    procedure: SilenceProcedureEntity,
    verb: string,
  ): Promise<void> {
    if (await this.procedures.isBefore(procedure.deadline)) return;
    throw DomainException.invalidState(
      `Silence ended at ${silenceDeadlineText(procedure.deadline, procedure.timezone)}: it can no longer be ${verb}, the text is adopted at the deadline`,
      { deadline: procedure.deadline.toISOString() },
    );
  }
}
