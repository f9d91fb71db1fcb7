import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { clauseNumbers } from './clause-numbering';
import { ClausesRepository } from './clauses.repository';
import { NumberedClause } from '../versions/text-versions.service';

/** The live clauses of each document, in order, with their display numbers. */
export type ClausesByDocumentLoaderInstance = DataLoader<string, NumberedClause[]>;

@Injectable()
export class ClausesByDocumentLoader implements LoaderFactory<ClausesByDocumentLoaderInstance> {
  constructor(private readonly clauses: ClausesRepository) {}

  create(): ClausesByDocumentLoaderInstance {
    return new DataLoader(async (documentIds) => {
      const groups = groupByKeys(
        documentIds,
        await this.clauses.liveOf(documentIds),
        (clause) => clause.documentId,
      );
      return groups.map((clauses) => {
        const numbers = clauseNumbers(clauses);
        return clauses.map((clause, i) => ({ clause, number: numbers[i] }));
      });
    });
  }
}
