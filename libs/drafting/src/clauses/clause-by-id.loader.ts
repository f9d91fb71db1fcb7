import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { clauseNumbers } from './clause-numbering';
import { ClausesRepository } from './clauses.repository';
import { NumberedClause } from '../versions/text-versions.service';

/** A live clause with its display number; null once removed from the text. */
export type ClauseByIdLoaderInstance = DataLoader<string, NumberedClause | null>;

@Injectable()
export class ClauseByIdLoader implements LoaderFactory<ClauseByIdLoaderInstance> {
  constructor(private readonly clauses: ClausesRepository) {}

  create(): ClauseByIdLoaderInstance {
    return new DataLoader(async (ids) => {
      const live = (await this.clauses.getByIds(ids)).filter((clause) => !clause.deletedAt);
      if (!live.length) return ids.map(() => null);
      // Numbers depend on every clause before: number each document's outline once.
      const outline = await this.clauses.outlineOf([...new Set(live.map((c) => c.documentId))]);
      const numberOf = new Map<string, string>();
      for (const documentId of new Set(outline.map((c) => c.documentId))) {
        const own = outline.filter((c) => c.documentId === documentId);
        clauseNumbers(own).forEach((number, i) => numberOf.set(own[i].id, number));
      }
      const byId = new Map(live.map((clause) => [clause.id, clause]));
      return ids.map((id) => {
        const clause = byId.get(id);
        return clause ? { clause, number: numberOf.get(id) ?? '' } : null;
      });
    });
  }
}
