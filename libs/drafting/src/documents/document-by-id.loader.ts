import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { DocumentReadsRepository } from './document-reads.repository';
import { DocumentEntity } from './document.entity';

export type DocumentByIdLoaderInstance = DataLoader<string, DocumentEntity | null>;

@Injectable()
export class DocumentByIdLoader implements LoaderFactory<DocumentByIdLoaderInstance> {
  constructor(private readonly reads: DocumentReadsRepository) {}

  create(): DocumentByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.reads.getByIds(ids), (document) => document.id),
    );
  }
}
