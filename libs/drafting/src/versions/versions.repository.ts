import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { ClauseSnapshot, DocumentVersionEntity } from './document-version.entity';

export type NewVersion = Pick<
  DocumentVersionEntity,
  | 'documentId'
  | 'number'
  | 'createdById'
  | 'reason'
  | 'hash'
  | 'text'
  | 'clauses'
  | 'languages'
  | 'titles'
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

  /** Only the clauses of a version (what a diff needs), not its canonical text. */
  async clausesOf(documentId: string, number: number): Promise<ClauseSnapshot[] | null> {
    const version = await this.versions.findOne({
      select: { id: true, clauses: true },
      where: { documentId, number },
    });
    return version?.clauses ?? null;
  }

  /** How large a version is, without loading it: clauses and characters of its canonical text. */
  async size(
    documentId: string,
    number: number,
  ): Promise<{ clauses: number; characters: number } | null> {
    const row = await this.versions
      .createQueryBuilder('v')
      .select('jsonb_array_length(v.clauses)', 'clauses')
      .addSelect('length(v.text)', 'characters')
      .where('v.documentId = :documentId AND v.number = :number', { documentId, number })
      .getRawOne<{ clauses: number; characters: number }>();
    return row ? { clauses: Number(row.clauses), characters: Number(row.characters) } : null;
  }

  /** Every version of several documents, oldest first. */
  ofDocuments(documentIds: readonly string[]): Promise<DocumentVersionEntity[]> {
    return this.versions.find({
      where: { documentId: In([...documentIds]) },
      order: { documentId: 'ASC', number: 'ASC' },
    });
  }
}
