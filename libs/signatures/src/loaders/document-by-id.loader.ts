import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import { DocumentEntity, DocumentsReader } from '@accord/drafting';
import DataLoader from 'dataloader';

/** Documents by id, read through the drafting library's DocumentsReader. */
export type DocumentByIdLoaderInstance = DataLoader<string, DocumentEntity | null>;

@Injectable()
export class DocumentByIdLoader implements LoaderFactory<DocumentByIdLoaderInstance> {
  constructor(private readonly documents: DocumentsReader) {}

  create(): DocumentByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.documents.getByIds(ids), (d) => d.id),
    );
  }
}
