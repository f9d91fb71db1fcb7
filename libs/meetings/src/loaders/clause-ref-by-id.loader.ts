import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { ClauseRefsRepository, NumberedClauseRef } from '../clause-refs.repository';

/** A live clause with its display number (AgendaItem.clauses); null once removed from the text. */
export type ClauseRefByIdLoaderInstance = DataLoader<string, NumberedClauseRef | null>;

@Injectable()
export class ClauseRefByIdLoader implements LoaderFactory<ClauseRefByIdLoaderInstance> {
  constructor(private readonly clauses: ClauseRefsRepository) {}

  create(): ClauseRefByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.clauses.numberedByIds(ids), (c) => c.clause.id),
    );
  }
}
