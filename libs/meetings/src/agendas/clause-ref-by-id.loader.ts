import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { DocumentsReader, NumberedClauseRef } from '@accord/drafting';

/** A live clause with its display number (AgendaItem.clauses); null once removed from the text. */
export type ClauseRefByIdLoaderInstance = DataLoader<string, NumberedClauseRef | null>;

@Injectable()
export class ClauseRefByIdLoader implements LoaderFactory<ClauseRefByIdLoaderInstance> {
  constructor(private readonly documents: DocumentsReader) {}

  create(): ClauseRefByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.documents.numberedClauses(ids), (c) => c.clause.id),
    );
  }
}
