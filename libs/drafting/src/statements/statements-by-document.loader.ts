import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { StatementEntity } from './statement.entity';
import { StatementsRepository } from './statements.repository';

/** A document's statements, withdrawn ones included, oldest first. */
export type StatementsByDocumentLoaderInstance = DataLoader<string, StatementEntity[]>;

@Injectable()
export class StatementsByDocumentLoader implements LoaderFactory<StatementsByDocumentLoaderInstance> {
  constructor(private readonly statements: StatementsRepository) {}

  create(): StatementsByDocumentLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.statements.ofDocuments(ids), (s) => s.documentId),
    );
  }
}
