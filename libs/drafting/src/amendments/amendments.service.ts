import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  AmendmentKind,
  AmendmentStatus,
  ClauseKind,
  DomainException,
  NOTIFIER,
  Notifier,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { AmendmentEntity } from './amendment.entity';
import { assertProposed } from './amendment-status';
import { amendmentText } from './amendment-text';
import { AmendmentsRepository } from './amendments.repository';
import { ClausesRepository } from '../clauses/clauses.repository';
import { DocumentEvents } from '../shared/document-events';
import { DocumentEntity } from '../documents/document.entity';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { ProposeAmendmentInput } from './propose-amendment.input';
import { found } from '../shared/found';

/** A delegation's proposals on a clause, while the text is in NEGOTIATION. */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly amendments: AmendmentsRepository,
    private readonly clauses: ClausesRepository,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  async propose(actor: Actor | null, input: ProposeAmendmentInput): Promise<AmendmentEntity> {
    const text = amendmentText(input.kind, input.text);
    if (input.clauseKind && input.kind !== AmendmentKind.INSERT_AFTER) {
      throw DomainException.badInput(
        'clauseKind',
        'clauseKind is for INSERT_AFTER amendments only',
      );
    }
    const amendment = await this.txHost.withTransaction(async () => {
      const { document, clause } = await this.locks.clause(input.clauseId);
      assertAllowedOnDocument(actor, 'amendment.propose', document);
      if (input.kind === AmendmentKind.REPLACE && text === clause.text) {
        throw DomainException.badInput(
          'text',
          'text is the clause’s current text: nothing would change',
        );
      }
      const amendment = await this.amendments.create({
        documentId: document.id,
        clauseId: clause.id,
        kind: input.kind,
        clauseKind:
          input.kind === AmendmentKind.INSERT_AFTER
            ? (input.clauseKind ?? insertedKind(clause.kind))
            : null,
        text,
        rationale: input.rationale?.trim() || null,
        proposerId: actor!.membership!.participantId,
        proposedById: actor!.id,
        baseClauseVersion: clause.version,
      });
      await this.audit.record(actor, {
        action: 'amendment.proposed',
        entityType: 'Amendment',
        entityId: amendment.id,
        details: { documentId: document.id, clauseId: clause.id, kind: input.kind },
      });
      await this.notifier.amendmentProposed(amendment.id);
      return amendment;
    });
    await this.events.changed(amendment.documentId);
    return amendment;
  }

  async cosponsor(actor: Actor | null, amendmentId: string): Promise<AmendmentEntity> {
    return this.change(amendmentId, async (document, amendment) => {
      assertAllowedOnDocument(actor, 'amendment.cosponsor', {
        ...document,
        proposerId: amendment.proposerId,
      });
      assertProposed(amendment, 'co-sponsored');
      const participantId = actor!.membership!.participantId;
      if (await this.amendments.isCosponsor(amendment.id, participantId)) {
        throw DomainException.conflict('Your delegation already co-sponsors this amendment', {
          field: 'amendmentId',
        });
      }
      await this.amendments.addCosponsor({
        amendmentId: amendment.id,
        participantId,
        cosponsoredById: actor!.id,
      });
      await this.audit.record(actor, {
        action: 'amendment.cosponsored',
        entityType: 'Amendment',
        entityId: amendment.id,
        details: { documentId: document.id, participantId },
      });
      return amendment;
    });
  }

  async withdraw(actor: Actor | null, amendmentId: string): Promise<AmendmentEntity> {
    return this.change(amendmentId, async (document, amendment) => {
      assertAllowedOnDocument(actor, 'amendment.withdraw', {
        ...document,
        proposerId: amendment.proposerId,
      });
      assertProposed(amendment, 'withdrawn');
      const withdrawn = await this.amendments.update(amendment.id, {
        status: AmendmentStatus.WITHDRAWN,
        decidedAt: new Date(),
        decidedById: actor!.id,
      });
      await this.audit.record(actor, {
        action: 'amendment.withdrawn',
        entityType: 'Amendment',
        entityId: amendment.id,
        details: { documentId: document.id },
      });
      return withdrawn;
    });
  }

  /**
   * The proposer redoes its proposal on the clause as it stands now (after another change was
   * accepted): new text, and the clause's current version as the new base.
   */
  async rebase(
    actor: Actor | null,
    amendmentId: string,
    rawText: string | null | undefined,
  ): Promise<AmendmentEntity> {
    return this.change(amendmentId, async (document, amendment) => {
      assertAllowedOnDocument(actor, 'amendment.rebase', {
        ...document,
        proposerId: amendment.proposerId,
      });
      assertProposed(amendment, 're-based');
      const text = amendmentText(amendment.kind, rawText);
      const clause = found(await this.clauses.getById(amendment.clauseId), 'Clause');
      if (clause.deletedAt) {
        throw DomainException.invalidState(
          'The clause this amendment was on has been removed: withdraw the amendment instead',
        );
      }
      if (amendment.kind === AmendmentKind.REPLACE && text === clause.text) {
        throw DomainException.badInput(
          'text',
          'text is the clause’s current text: nothing would change',
        );
      }
      const rebased = await this.amendments.update(amendment.id, {
        text,
        baseClauseVersion: clause.version,
      });
      await this.audit.record(actor, {
        action: 'amendment.rebased',
        entityType: 'Amendment',
        entityId: amendment.id,
        details: {
          documentId: document.id,
          fromClauseVersion: amendment.baseClauseVersion,
          toClauseVersion: clause.version,
        },
      });
      return rebased;
    });
  }

  /** Locks the amendment's document, re-reads the amendment, runs `fn`, then notifies. */
  private async change(
    amendmentId: string,
    fn: (document: DocumentEntity, amendment: AmendmentEntity) => Promise<AmendmentEntity>,
  ): Promise<AmendmentEntity> {
    const result = await this.txHost.withTransaction(async () => {
      const { document, amendment } = await this.locks.amendment(amendmentId);
      return fn(document, amendment);
    });
    await this.events.changed(result.documentId);
    return result;
  }
}

/** A clause inserted after a heading opens its section: operative unless said otherwise. */
function insertedKind(after: ClauseKind): ClauseKind {
  return after === ClauseKind.HEADING ? ClauseKind.OPERATIVE : after;
}
