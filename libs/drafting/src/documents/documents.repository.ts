import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { DocumentEntity } from './document.entity';

export type NewDocument = Pick<
  DocumentEntity,
  'slug' | 'title' | 'kind' | 'eligibleKinds' | 'languages'
>;

/** Writes to documents; reads shared with other libraries are in DocumentReadsRepository. */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get documents() {
    return this.txHost.tx.getRepository(DocumentEntity);
  }

  /**
   * SELECT … FOR UPDATE: every change of a document's text, amendments or status takes this
   * lock first (inside its transaction), so that concurrent changes of one document serialize.
   */
  lockById(id: string): Promise<DocumentEntity | null> {
    return this.documents.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The slugs in use that are `base` or `base-<something>`. */
  async slugsLike(base: string): Promise<string[]> {
    const rows = await this.documents
      .createQueryBuilder('d')
      .select('d.slug', 'slug')
      .where('d.slug = :base OR d.slug LIKE :prefix', { base, prefix: `${base}-%` })
      .getRawMany<{ slug: string }>();
    return rows.map((row) => row.slug);
  }

  create(document: NewDocument): Promise<DocumentEntity> {
    return this.documents.save(this.documents.create(document));
  }

  async update(
    id: string,
    changes: Partial<
      Pick<
        DocumentEntity,
        | 'status'
        | 'currentVersion'
        | 'adoptedAt'
        | 'adoptedHash'
        | 'adoptedVersion'
        | 'title'
        | 'languages'
        | 'titleTranslations'
        | 'reservationsAllowed'
      >
    >,
  ): Promise<DocumentEntity> {
    await this.documents.update({ id }, changes);
    return this.documents.findOneByOrFail({ id });
  }
}
