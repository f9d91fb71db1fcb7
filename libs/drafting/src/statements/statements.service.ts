import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  ParticipantKind,
  TEXT_LIMITS,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { ParticipantByIdLoader } from '@accord/participants';
import { assertCan, can, isStaff } from '@accord/policy';
import { DocumentReadsRepository } from '../documents/document-reads.repository';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { found } from '../shared/found';
import { MakeStatementInput, MAX_STATEMENT_CLAUSES } from './make-statement.input';
import { StatementKind } from './statement-kind';
import { StatementEntity } from './statement.entity';
import { StatementsRepository } from './statements.repository';

/**
 * Statements on an adopted text: general statements and interpretive declarations always;
 * reservations where the document admits them; objections only to another participant's
 * reservation. Kept, marked, when withdrawn.
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly statements: StatementsRepository,
    private readonly reads: DocumentReadsRepository,
    private readonly documents: DocumentsRepository,
    private readonly locks: DraftLocks,
    private readonly participants: ParticipantByIdLoader,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  async make(actor: Actor | null, input: MakeStatementInput): Promise<StatementEntity> {
    const text = input.text.trim();
    if (!text) throw DomainException.badInput('text', 'text must not be empty');
    if (text.length > TEXT_LIMITS.statement) {
      throw DomainException.badInput(
        'text',
        `text must be at most ${TEXT_LIMITS.statement} characters`,
      );
    }
    const clauseIds = [...new Set(input.clauseIds ?? [])];
    if (clauseIds.length > MAX_STATEMENT_CLAUSES) {
      throw DomainException.badInput(
        'clauseIds',
        `clauseIds may name at most ${MAX_STATEMENT_CLAUSES} clauses`,
      );
    }
    const onBehalf = isStaff(actor);
    const participantId = this.participantFor(actor, input.participantId);
    const statement = await this.txHost.withTransaction(async () => {
      // Share-locked: a transition of the document waits for the statement, and the reverse.
      const document = found(
        await this.reads.getShareLocked(input.documentId),
        'Document',
        'documentId',
      );
      if (!can(actor, 'document.read', document))
        throw DomainException.notFound('Document', 'documentId');
      const participant = await this.participants.create().load(participantId);
      if (!participant) throw DomainException.notFound('Participant', 'participantId');
      assertAllowedOnDocument(actor, onBehalf ? 'statement.record' : 'statement.make', {
        ...document,
        participantId,
        participantKind: participant.kind as ParticipantKind,
      });
      const inResponseTo = await this.checkKind(document, participantId, input);
      await this.checkClauses(document, clauseIds);
      const statement = await this.statements.create({
        documentId: document.id,
        participantId,
        kind: input.kind,
        text,
        clauseIds,
        inResponseToId: inResponseTo?.id ?? null,
        madeById: actor!.id,
      });
      await this.audit.record(actor, {
        action: 'statement.made',
        entityType: 'Statement',
        entityId: statement.id,
        details: {
          documentId: document.id,
          participantId,
          kind: statement.kind,
          clauseIds,
          inResponseToId: statement.inResponseToId,
          onBehalf,
        },
      });
      return statement;
    });
    await this.events.changed(statement.documentId);
    return statement;
  }

  /** Kept, marked withdrawn: by the participant's head of delegation or the secretariat. */
  async withdraw(actor: Actor | null, statementId: string): Promise<StatementEntity> {
    const withdrawn = await this.txHost.withTransaction(async () => {
      const statement = found(
        await this.statements.lockById(statementId),
        'Statement',
        'statementId',
      );
      assertCan(actor, 'statement.withdraw', { participantId: statement.participantId });
      if (statement.withdrawnAt) {
        throw DomainException.invalidState('This statement is already withdrawn', {
          withdrawnAt: statement.withdrawnAt.toISOString(),
        });
      }
      const withdrawn = await this.statements.withdraw(statement.id, actor!.id);
      await this.audit.record(actor, {
        action: 'statement.withdrawn',
        entityType: 'Statement',
        entityId: statement.id,
        details: { documentId: statement.documentId, participantId: statement.participantId },
      });
      return withdrawn;
    });
    await this.events.changed(withdrawn.documentId);
    return withdrawn;
  }

  /** Part of what is adopted: set by the secretariat before adoption (and not while silence runs). */
  async setReservationsAllowed(
    actor: Actor | null,
    documentId: string,
    allowed: boolean,
  ): Promise<DocumentEntity> {
    const updated = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(documentId);
      assertAllowedOnDocument(actor, 'document.setReservationsAllowed', document);
      const updated = await this.documents.update(document.id, { reservationsAllowed: allowed });
      await this.audit.record(actor, {
        action: 'document.reservationsAllowedSet',
        entityType: 'Document',
        entityId: document.id,
        details: { from: document.reservationsAllowed, to: allowed },
      });
      return updated;
    });
    await this.events.changed(updated.id);
    return updated;
  }

  /** A head of delegation speaks for its participant; the secretariat names the participant. */
  private participantFor(actor: Actor | null, given: string | null | undefined): string {
    if (isStaff(actor)) {
      if (!given) {
        throw DomainException.badInput(
          'participantId',
          'participantId is required: the secretariat records a statement on a participant’s behalf',
        );
      }
      return given;
    }
    const own = actor?.membership?.participantId;
    if (!own) throw actor ? DomainException.forbidden() : DomainException.unauthenticated();
    if (given && given !== own) {
      throw DomainException.forbidden(
        'A head of delegation makes statements for its own participant only',
      );
    }
    return own;
  }

  /** RESERVATION where admitted; OBJECTION to another participant's live reservation. */
  private async checkKind(
    document: DocumentEntity,
    participantId: string,
    input: MakeStatementInput,
  ): Promise<StatementEntity | null> {
    if (input.kind === StatementKind.RESERVATION && !document.reservationsAllowed) {
      throw DomainException.badInput('kind', 'This document admits no reservations');
    }
    if (input.kind !== StatementKind.OBJECTION) {
      if (input.inResponseToId) {
        throw DomainException.badInput(
          'inResponseToId',
          'inResponseToId is for an OBJECTION only: it names the reservation objected to',
        );
      }
      return null;
    }
    if (!input.inResponseToId) {
      throw DomainException.badInput(
        'inResponseToId',
        'An OBJECTION answers a reservation: inResponseToId must name it',
      );
    }
    const target = await this.statements.getById(input.inResponseToId);
    if (!target || target.documentId !== document.id)
      throw DomainException.notFound('Statement', 'inResponseToId');
    if (target.kind !== StatementKind.RESERVATION || target.withdrawnAt) {
      throw DomainException.badInput(
        'inResponseToId',
        'An objection answers a reservation that stands (not withdrawn)',
      );
    }
    if (target.participantId === participantId) {
      throw DomainException.badInput(
        'inResponseToId',
        'A participant cannot object to its own reservation',
      );
    }
    return target;
  }

  private async checkClauses(document: DocumentEntity, clauseIds: string[]): Promise<void> {
    if (!clauseIds.length) return;
    const own = await this.statements.clausesOf(document.id, clauseIds);
    const foreign = clauseIds.filter((id) => !own.has(id));
    if (foreign.length) {
      throw DomainException.badInput(
        'clauseIds',
        `clauseIds must be clauses of this document’s adopted text; ${foreign.length === 1 ? 'one is' : `${foreign.length} are`} not`,
      );
    }
  }
}
