import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loader } from '@accord/common';
import { countBrackets } from './brackets';
import {
  ClausesByDocumentLoader,
  ClausesByDocumentLoaderInstance,
} from './loaders/clauses-by-document.loader';
import { ClauseModel } from './models/clause.model';
import { DocumentModel } from './models/document.model';

/** Document.clauses and the bracket counts over them, all from one batched read. */
@Resolver(() => DocumentModel)
export class DocumentClausesResolver {
  @ResolveField(() => [ClauseModel])
  async clauses(
    @Parent() document: DocumentModel,
    @Loader(ClausesByDocumentLoader) clauses: ClausesByDocumentLoaderInstance,
  ): Promise<ClauseModel[]> {
    return (await clauses.load(document.id)).map(({ clause, number }) =>
      ClauseModel.from(clause, number, document),
    );
  }

  @ResolveField(() => Int, { description: 'Bracketed passages not yet agreed, in all clauses' })
  async openBrackets(
    @Parent() document: DocumentModel,
    @Loader(ClausesByDocumentLoader) clauses: ClausesByDocumentLoaderInstance,
  ): Promise<number> {
    const all = await clauses.load(document.id);
    return all.reduce((sum, { clause }) => sum + countBrackets(clause.text).open, 0);
  }

  @ResolveField(() => Boolean, {
    description: 'False when a clause has a bracket never closed or closing nothing',
  })
  async bracketsBalanced(
    @Parent() document: DocumentModel,
    @Loader(ClausesByDocumentLoader) clauses: ClausesByDocumentLoaderInstance,
  ): Promise<boolean> {
    const all = await clauses.load(document.id);
    return all.every(({ clause }) => !countBrackets(clause.text).unbalanced);
  }
}
