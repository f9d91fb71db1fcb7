import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { SignatureEntity } from '../signature.entity';
import { SignaturesRepository } from '../signatures.repository';

/** Every signature of a document, withdrawn ones included (resolvers filter), in signing order. */
export type SignaturesByDocumentLoaderInstance = DataLoader<string, SignatureEntity[]>;

@Injectable()
export class SignaturesByDocumentLoader implements LoaderFactory<SignaturesByDocumentLoaderInstance> {
  constructor(private readonly signatures: SignaturesRepository) {}

  create(): SignaturesByDocumentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.signatures.ofDocuments(ids), (s) => s.documentId),
    );
  }
}
