import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { DocumentVersionEntity } from './document-version.entity';
import { VersionsRepository } from './versions.repository';

export type VersionsByDocumentLoaderInstance = DataLoader<string, DocumentVersionEntity[]>;

@Injectable()
export class VersionsByDocumentLoader implements LoaderFactory<VersionsByDocumentLoaderInstance> {
  constructor(private readonly versions: VersionsRepository) {}

  create(): VersionsByDocumentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.versions.ofDocuments(ids), (v) => v.documentId),
    );
  }
}
