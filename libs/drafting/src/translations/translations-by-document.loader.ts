import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { ClauseTranslationEntity } from './clause-translation.entity';
import { TranslationsRepository } from './translations.repository';

/** Every stored translation of each document's clauses, for translationStatus. */
export type TranslationsByDocumentLoaderInstance = DataLoader<string, ClauseTranslationEntity[]>;

@Injectable()
export class TranslationsByDocumentLoader implements LoaderFactory<TranslationsByDocumentLoaderInstance> {
  constructor(private readonly translations: TranslationsRepository) {}

  create(): TranslationsByDocumentLoaderInstance {
    return new DataLoader(async (documentIds) =>
      groupByKeys(
        documentIds,
        await this.translations.ofDocuments(documentIds),
        (t) => t.documentId,
      ),
    );
  }
}
