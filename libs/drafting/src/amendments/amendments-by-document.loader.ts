import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { AmendmentEntity } from './amendment.entity';
import { AmendmentsRepository } from './amendments.repository';

export type AmendmentsByDocumentLoaderInstance = DataLoader<string, AmendmentEntity[]>;

@Injectable()
export class AmendmentsByDocumentLoader implements LoaderFactory<AmendmentsByDocumentLoaderInstance> {
  constructor(private readonly amendments: AmendmentsRepository) {}

  create(): AmendmentsByDocumentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.amendments.ofDocuments(ids), (a) => a.documentId),
    );
  }
}
