import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { DocumentVersionEntity } from './document-version.entity';

export type NewVersion = Pick<
  DocumentVersionEntity,
  'documentId' | 'number' | 'createdById' | 'reason' | 'hash' | 'text' | 'clauses'
>;

/** Versions are only ever inserted: nothing here updates or deletes one. */
@Injectable()
export class VersionsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get versions() {
    return this.txHost.tx.getRepository(DocumentVersionEntity);
  }

  insert(version: NewVersion): Promise<DocumentVersionEntity> {
    return this.versions.save(this.versions.create(version));
  }

  get(documentId: string, number: number): Promise<DocumentVersionEntity | null> {
    return this.versions.findOneBy({ documentId, number });
  }

  /** Every version of several documents, oldest first. */
  ofDocuments(documentIds: readonly string[]): Promise<DocumentVersionEntity[]> {
    return this.versions.find({
      where: { documentId: In([...documentIds]) },
      order: { documentId: 'ASC', number: 'ASC' },
    });
  }
}
