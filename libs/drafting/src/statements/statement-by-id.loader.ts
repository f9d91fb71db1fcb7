import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { StatementEntity } from './statement.entity';
import { StatementsRepository } from './statements.repository';

export type StatementByIdLoaderInstance = DataLoader<string, StatementEntity | null>;

@Injectable()
export class StatementByIdLoader implements LoaderFactory<StatementByIdLoaderInstance> {
  constructor(private readonly statements: StatementsRepository) {}

  create(): StatementByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.statements.getByIds(ids), (s) => s.id),
    );
  }
}
