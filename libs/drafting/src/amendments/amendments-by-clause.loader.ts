import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { AmendmentEntity } from './amendment.entity';
import { AmendmentsRepository } from './amendments.repository';

export type AmendmentsByClauseLoaderInstance = DataLoader<string, AmendmentEntity[]>;

@Injectable()
export class AmendmentsByClauseLoader implements LoaderFactory<AmendmentsByClauseLoaderInstance> {
  constructor(private readonly amendments: AmendmentsRepository) {}

  create(): AmendmentsByClauseLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.amendments.ofClauses(ids), (a) => a.clauseId),
    );
  }
}
