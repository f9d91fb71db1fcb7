import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { SilenceProcedureEntity } from './silence-procedure.entity';
import { SilenceRepository } from './silence.repository';

/** A document's silence procedures, oldest first. */
export type SilenceProceduresByDocumentLoaderInstance = DataLoader<
  string,
  SilenceProcedureEntity[]
>;

@Injectable()
export class SilenceProceduresByDocumentLoader implements LoaderFactory<SilenceProceduresByDocumentLoaderInstance> {
  constructor(private readonly procedures: SilenceRepository) {}

  create(): SilenceProceduresByDocumentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.procedures.ofDocuments(ids), (p) => p.documentId),
    );
  }
}
