import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { StatementEntity } from './statement.entity';
import { StatementsRepository } from './statements.repository';

/** The statements anchored to each clause (a statement may concern several), oldest first. */
export type StatementsByClauseLoaderInstance = DataLoader<string, StatementEntity[]>;

@Injectable()
export class StatementsByClauseLoader implements LoaderFactory<StatementsByClauseLoaderInstance> {
  constructor(private readonly statements: StatementsRepository) {}

  create(): StatementsByClauseLoaderInstance {
    return new DataLoader(async (ids) => {
      const byClause = new Map<string, StatementEntity[]>(ids.map((id) => [id, []]));
      for (const statement of await this.statements.ofClauses(ids)) {
        for (const clauseId of statement.clauseIds) byClause.get(clauseId)?.push(statement);
      }
      return ids.map((id) => byClause.get(id)!);
    });
  }
}
