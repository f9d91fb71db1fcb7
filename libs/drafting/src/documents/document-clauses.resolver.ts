import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderOf } from '@accord/common';
import { countBrackets } from '../clauses/brackets';
import { ClausesByDocumentLoader } from '../clauses/clauses-by-document.loader';
import { ClauseModel } from '../clauses/clause.model';
import { DocumentModel } from './document.model';

/** Document.clauses and the bracket counts over them, all from one batched read. */
@Resolver(() => DocumentModel)
export class DocumentClausesResolver {
  @ResolveField(() => [ClauseModel])
  async clauses(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ClauseModel[]> {
    const clauses = loaderOf(context, ClausesByDocumentLoader);
    return (await clauses.load(document.id)).map(({ clause, number }) =>
      ClauseModel.from(clause, number, document),
    );
  }

  @ResolveField(() => Int, { description: 'Bracketed passages not yet agreed, in all clauses' })
  async openBrackets(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<number> {
    const clauses = loaderOf(context, ClausesByDocumentLoader);
    const all = await clauses.load(document.id);
    return all.reduce((sum, { clause }) => sum + countBrackets(clause.text).open, 0);
  }

  @ResolveField(() => Boolean, {
    description: 'False when a clause has a bracket never closed or closing nothing',
  })
  async bracketsBalanced(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<boolean> {
    const clauses = loaderOf(context, ClausesByDocumentLoader);
    const all = await clauses.load(document.id);
    return all.every(({ clause }) => !countBrackets(clause.text).unbalanced);
  }
}
