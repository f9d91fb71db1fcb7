import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { ClauseTranslationEntity } from './clause-translation.entity';
import { TranslationsRepository } from './translations.repository';

/** Every stored translation of each clause (languages no longer declared included). */
export type TranslationsByClauseLoaderInstance = DataLoader<string, ClauseTranslationEntity[]>;

@Injectable()
export class TranslationsByClauseLoader implements LoaderFactory<TranslationsByClauseLoaderInstance> {
  constructor(private readonly translations: TranslationsRepository) {}

  create(): TranslationsByClauseLoaderInstance {
    return new DataLoader(async (clauseIds) =>
      groupByKeys(clauseIds, await this.translations.ofClauses(clauseIds), (t) => t.clauseId),
    );
  }
}
