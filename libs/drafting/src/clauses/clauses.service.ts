import { Injectable } from '@nestjs/common';
import { Actor, DomainException, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AuditService } from '@accord/audit';
import { ClauseEntity } from './clause.entity';
import { clauseLabel } from './clause-label';
import { clauseText } from './clause-text';
import { ClausesRepository } from './clauses.repository';
import { DocumentEvents } from '../shared/document-events';
import { DocumentEntity } from '../documents/document.entity';
import { DraftLocks } from '../shared/draft-locks.service';
import { assertAllowedOnDocument } from '../shared/drafting-access';
import { AddClauseInput } from './add-clause.input';
import { UpdateClauseInput } from './update-clause.input';
import { NumberedClause, TextVersionsService } from '../versions/text-versions.service';

/**
 * Direct edits of a draft. Each one locks the document, checks the clause's row version
 * (optimistic locking: a stale expectedVersion is a CONFLICT carrying the current version and
 * text), changes the text, and records a version and an audit event in the same transaction.
 */
@Injectable()
export class ClausesService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly clauses: ClausesRepository,
    private readonly versions: TextVersionsService,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  async add(actor: Actor | null, input: AddClauseInput): Promise<NumberedClause> {
    const text = clauseText(input.text);
    const added = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(input.documentId);
      assertAllowedOnDocument(actor, 'clause.edit', document);
      const position = input.afterClauseId
        ? await this.makeRoomAfter(document, input.afterClauseId)
        : (await this.clauses.lastPosition(document.id)) + 1;
      const clause = await this.clauses.insert({
        documentId: document.id,
        position,
        kind: input.kind,
        text,
      });
      const recorded = await this.versions.record(
        actor,
        document,
        (all) => `${clauseLabel(clause.kind, numberOf(all, clause.id))} added`,
      );
      await this.audit.record(actor, {
        action: 'clause.added',
        entityType: 'Clause',
        entityId: clause.id,
        details: {
          documentId: document.id,
          position,
          kind: input.kind,
          version: recorded.version.number,
        },
      });
      return { clause, number: numberOf(recorded.clauses, clause.id) };
    });
    await this.events.changed(input.documentId);
    return added;
  }

  async update(actor: Actor | null, input: UpdateClauseInput): Promise<NumberedClause> {
    const text = clauseText(input.text);
    let changed = false;
    const result = await this.txHost.withTransaction(async () => {
      const { document, clause } = await this.locks.clause(input.clauseId);
      assertAllowedOnDocument(actor, 'clause.edit', document);
      assertCurrent(clause, input.expectedVersion);
      // The same text again changes nothing: no new version, nothing to audit.
      if (clause.text === text) {
        return { clause, number: numberOf(await this.versions.numbered(document.id), clause.id) };
      }
      const updated = await this.clauses.updateText(clause.id, text);
      const recorded = await this.versions.record(
        actor,
        document,
        (all) => `${clauseLabel(clause.kind, numberOf(all, clause.id))} edited`,
      );
      await this.audit.record(actor, {
        action: 'clause.updated',
        entityType: 'Clause',
        entityId: clause.id,
        details: {
          documentId: document.id,
          clauseVersion: updated.version,
          version: recorded.version.number,
        },
      });
      changed = true;
      return { clause: updated, number: numberOf(recorded.clauses, clause.id) };
    });
    if (changed) await this.events.changed(result.clause.documentId);
    return result;
  }

  async delete(
    actor: Actor | null,
    clauseId: string,
    expectedVersion: number,
  ): Promise<DocumentEntity> {
    const document = await this.txHost.withTransaction(async () => {
      const { document, clause } = await this.locks.clause(clauseId);
      assertAllowedOnDocument(actor, 'clause.edit', document);
      assertCurrent(clause, expectedVersion);
      const label = clauseLabel(
        clause.kind,
        numberOf(await this.versions.numbered(document.id), clause.id),
      );
      await this.clauses.markRemoved(clause.id);
      await this.clauses.shift(document.id, clause.position + 1, -1);
      const recorded = await this.versions.record(actor, document, `${label} deleted`);
      await this.audit.record(actor, {
        action: 'clause.deleted',
        entityType: 'Clause',
        entityId: clause.id,
        details: { documentId: document.id, text: clause.text, version: recorded.version.number },
      });
      return recorded.document;
    });
    await this.events.changed(document.id);
    return document;
  }

  /** Shifts the clauses after `afterClauseId` down by one; returns the freed position. */
  private async makeRoomAfter(document: DocumentEntity, afterClauseId: string): Promise<number> {
    const after = await this.clauses.getById(afterClauseId);
    if (!after || after.deletedAt) throw DomainException.notFound('Clause', 'afterClauseId');
    if (after.documentId !== document.id) {
      throw DomainException.badInput(
        'afterClauseId',
        'afterClauseId is a clause of another document',
      );
    }
    await this.clauses.shift(document.id, after.position + 1, 1);
    return after.position + 1;
  }
}

/** Optimistic locking: the edit was made on the clause as it stands, or it is refused. */
function assertCurrent(clause: ClauseEntity, expectedVersion: number): void {
  if (clause.version === expectedVersion) return;
  throw DomainException.conflict(
    `The clause was changed by someone else: it is at version ${clause.version}, the edit was made on version ${expectedVersion}`,
    {
      field: 'expectedVersion',
      clauseId: clause.id,
      currentVersion: clause.version,
      currentText: clause.text,
    },
  );
}

function numberOf(clauses: NumberedClause[], clauseId: string): string {
  return clauses.find(({ clause }) => clause.id === clauseId)?.number ?? '';
}
