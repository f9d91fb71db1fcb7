import { Injectable } from '@nestjs/common';
import {
  Actor,
  AmendmentKind,
  AmendmentStatus,
  DomainException,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { AmendmentEntity } from './amendment.entity';
import { assertProposed } from './amendment-status';
import { AmendmentsRepository } from './amendments.repository';
import { ClauseEntity } from '../clauses/clause.entity';
import { clauseLabel } from '../clauses/clause-label';
import { ClausesRepository } from '../clauses/clauses.repository';
import { DocumentEvents } from '../shared/document-events';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { found } from '../shared/found';
import { NumberedClause, TextVersionsService } from '../versions/text-versions.service';

const APPLIED: Record<AmendmentKind, string> = {
  [AmendmentKind.REPLACE]: 'replaced',
  [AmendmentKind.INSERT_AFTER]: 'inserted',
  [AmendmentKind.DELETE]: 'deleted',
};

/** The secretariat's decisions: accepting applies the change and makes a version, atomically. */
@Injectable()
export class AmendmentDecisionsService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly amendments: AmendmentsRepository,
    private readonly clauses: ClausesRepository,
    private readonly versions: TextVersionsService,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  async accept(
    actor: Actor | null,
    amendmentId: string,
    note: string | null | undefined,
  ): Promise<AmendmentEntity> {
    const accepted = await this.txHost.withTransaction(async () => {
      const { document, amendment } = await this.locks.amendment(amendmentId);
      assertAllowedOnDocument(actor, 'amendment.decide', document);
      assertProposed(amendment, 'accepted');
      const clause = found(await this.clauses.getById(amendment.clauseId), 'Clause');
      assertUnchangedSinceProposed(amendment, clause);
      const labelOf = await this.apply(amendment, clause);
      const recorded = await this.versions.record(
        actor,
        document,
        (all) => `Amendment accepted: ${labelOf(all)} ${APPLIED[amendment.kind]}`,
      );
      const decided = await this.amendments.update(amendment.id, {
        status: AmendmentStatus.ACCEPTED,
        decidedAt: new Date(),
        decidedById: actor!.id,
        decisionNote: note?.trim() || null,
      });
      await this.audit.record(actor, {
        action: 'amendment.accepted',
        entityType: 'Amendment',
        entityId: amendment.id,
        details: {
          documentId: document.id,
          kind: amendment.kind,
          version: recorded.version.number,
        },
      });
      return decided;
    });
    await this.events.changed(accepted.documentId);
    return accepted;
  }

  /** A stale amendment (its clause changed since) can still be rejected. */
  async reject(
    actor: Actor | null,
    amendmentId: string,
    note: string | null | undefined,
  ): Promise<AmendmentEntity> {
    const rejected = await this.txHost.withTransaction(async () => {
      const { document, amendment } = await this.locks.amendment(amendmentId);
      assertAllowedOnDocument(actor, 'amendment.decide', document);
      assertProposed(amendment, 'rejected');
      const decided = await this.amendments.update(amendment.id, {
        status: AmendmentStatus.REJECTED,
        decidedAt: new Date(),
        decidedById: actor!.id,
        decisionNote: note?.trim() || null,
      });
      await this.audit.record(actor, {
        action: 'amendment.rejected',
        entityType: 'Amendment',
        entityId: amendment.id,
        details: { documentId: document.id },
      });
      return decided;
    });
    await this.events.changed(rejected.documentId);
    return rejected;
  }

  /**
   * Makes the change to the clauses; returns how to name the affected clause once the text
   * is renumbered (the inserted clause for INSERT_AFTER, the removed one by its old number).
   */
  private async apply(
    amendment: AmendmentEntity,
    clause: ClauseEntity,
  ): Promise<(all: NumberedClause[]) => string> {
    const labelIn = (all: NumberedClause[], id: string) => {
      const found = all.find((c) => c.clause.id === id);
      return found ? clauseLabel(found.clause.kind, found.number) : 'clause';
    };
    switch (amendment.kind) {
      case AmendmentKind.REPLACE:
        await this.clauses.updateText(clause.id, amendment.text!);
        return (all) => labelIn(all, clause.id);
      case AmendmentKind.INSERT_AFTER: {
        await this.clauses.shift(clause.documentId, clause.position + 1, 1);
        const inserted = await this.clauses.insert({
          documentId: clause.documentId,
          position: clause.position + 1,
          kind: amendment.clauseKind ?? clause.kind,
          text: amendment.text!,
        });
        return (all) => labelIn(all, inserted.id);
      }
      case AmendmentKind.DELETE: {
        const label = labelIn(await this.versions.numbered(clause.documentId), clause.id);
        await this.clauses.markRemoved(clause.id);
        await this.clauses.shift(clause.documentId, clause.position + 1, -1);
        return () => label;
      }
    }
  }
}

/** An amendment applies to the clause as it was proposed on; anything since needs a re-base. */
function assertUnchangedSinceProposed(amendment: AmendmentEntity, clause: ClauseEntity): void {
  if (!clause.deletedAt && clause.version === amendment.baseClauseVersion) return;
  throw DomainException.conflict(
    clause.deletedAt
      ? 'The clause this amendment is on has been removed: it can only be rejected or withdrawn'
      : `The clause changed since this amendment was proposed (version ${amendment.baseClauseVersion}, now ${clause.version}): its proposer must re-base it, or it can be rejected`,
    {
      clauseId: clause.id,
      baseClauseVersion: amendment.baseClauseVersion,
      currentVersion: clause.version,
      currentText: clause.deletedAt ? null : clause.text,
    },
  );
}
