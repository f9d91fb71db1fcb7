import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { DocumentEntity } from '../documents/document.entity';

/**
 * For demo data only: texts adopted before the platform existed keep their real adoption
 * date. The adopted hash and version are untouched; nothing in the API can reach this.
 */
@Injectable()
export class DraftingSeedRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  async backdateAdoption(documentId: string, adoptedAt: Date): Promise<void> {
    await this.txHost.tx.getRepository(DocumentEntity).update({ id: documentId }, { adoptedAt });
  }
}
