import { Injectable } from '@nestjs/common';
import { AmendmentStatus, DocumentStatus, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In, IsNull } from 'typeorm';
import { AmendmentEntity } from '../amendments/amendment.entity';
import { ClauseEntity } from '../clauses/clause.entity';
import { DocumentVersionEntity } from '../versions/document-version.entity';
import { DocumentEntity } from './document.entity';

/** Reads of documents, clauses and versions shared by the drafting service and DocumentsReader. */
@Injectable()
export class DocumentReadsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get manager() {
    return this.txHost.tx;
  }

  getById(id: string): Promise<DocumentEntity | null> {
    return this.manager.getRepository(DocumentEntity).findOneBy({ id });
  }

  getByIds(ids: readonly string[]): Promise<DocumentEntity[]> {
    return this.manager.getRepository(DocumentEntity).findBy({ id: In([...ids]) });
  }

  getBySlug(slug: string): Promise<DocumentEntity | null> {
    return this.manager.getRepository(DocumentEntity).findOneBy({ slug });
  }

  /**
   * Reads the document and holds a share lock on its row until the transaction ends: lifecycle
   * steps lock the row exclusively, so they wait for this transaction and it waits for them.
   */
  getShareLocked(id: string): Promise<DocumentEntity | null> {
    return this.manager
      .getRepository(DocumentEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  liveClausesByIds(ids: readonly string[]): Promise<ClauseEntity[]> {
    return this.manager
      .getRepository(ClauseEntity)
      .findBy({ id: In([...ids]), deletedAt: IsNull() });
  }

  /** Just enough of every live clause of these documents to number them. */
  clauseOutlines(
    documentIds: readonly string[],
  ): Promise<Pick<ClauseEntity, 'id' | 'documentId' | 'kind' | 'position'>[]> {
    return this.manager.getRepository(ClauseEntity).find({
      select: { id: true, documentId: true, kind: true, position: true },
      where: { documentId: In([...documentIds]), deletedAt: IsNull() },
      order: { documentId: 'ASC', position: 'ASC' },
    });
  }

  listByStatus(statuses: readonly DocumentStatus[] | null): Promise<DocumentEntity[]> {
    return this.manager.getRepository(DocumentEntity).find({
      where: statuses ? { status: In([...statuses]) } : {},
      order: { createdAt: 'ASC' },
    });
  }

  /** The live clauses of several documents, each document's in position order. */
  liveClauses(documentIds: readonly string[]): Promise<ClauseEntity[]> {
    return this.manager.getRepository(ClauseEntity).find({
      where: { documentId: In([...documentIds]), deletedAt: IsNull() },
      order: { documentId: 'ASC', position: 'ASC' },
    });
  }

  proposedAmendments(documentIds: readonly string[]): Promise<AmendmentEntity[]> {
    return this.manager.getRepository(AmendmentEntity).find({
      where: { documentId: In([...documentIds]), status: AmendmentStatus.PROPOSED },
      order: { createdAt: 'ASC' },
    });
  }

  getVersion(documentId: string, number: number): Promise<DocumentVersionEntity | null> {
    return this.manager.getRepository(DocumentVersionEntity).findOneBy({ documentId, number });
  }
}
