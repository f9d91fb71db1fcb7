import { Injectable } from '@nestjs/common';
import { DomainException } from '@accord/common';
import { AmendmentEntity } from '../amendments/amendment.entity';
import { AmendmentsRepository } from '../amendments/amendments.repository';
import { ClauseEntity } from '../clauses/clause.entity';
import { ClausesRepository } from '../clauses/clauses.repository';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { found } from './found';

/**
 * How every change starts: lock the document row, then read what the change is about. Reads
 * made after the lock see the latest committed state, so checks (clause versions, statuses)
 * cannot be overtaken by a concurrent change of the same document.
 */
@Injectable()
export class DraftLocks {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly clauses: ClausesRepository,
    private readonly amendments: AmendmentsRepository,
  ) {}

  async document(documentId: string, field = 'documentId'): Promise<DocumentEntity> {
    return found(await this.documents.lockById(documentId), 'Document', field);
  }

  /** The clause's document, locked, and the clause as it stands now; removed clauses are NOT_FOUND. */
  async clause(
    clauseId: string,
    field = 'clauseId',
  ): Promise<{ document: DocumentEntity; clause: ClauseEntity }> {
    const before = found(await this.clauses.getById(clauseId), 'Clause', field);
    const document = await this.document(before.documentId);
    const clause = await this.clauses.getById(clauseId);
    if (!clause || clause.deletedAt) throw DomainException.notFound('Clause', field);
    return { document, clause };
  }

  /** The amendment's document, locked, and the amendment as it stands now. */
  async amendment(
    amendmentId: string,
    field = 'amendmentId',
  ): Promise<{ document: DocumentEntity; amendment: AmendmentEntity }> {
    const before = found(await this.amendments.getById(amendmentId), 'Amendment', field);
    const document = await this.document(before.documentId);
    const amendment = found(await this.amendments.getById(amendmentId), 'Amendment', field);
    return { document, amendment };
  }
}
