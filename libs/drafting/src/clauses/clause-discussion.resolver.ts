import { ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, callerOf, FieldArgs, GraphQLRequestContext, loaderOf } from '@accord/common';
import { DocumentsService } from '../documents/documents.service';
import { AmendmentStatusArgs } from '../amendments/amendment-status.args';
import { AmendmentsByClauseLoader } from '../amendments/amendments-by-clause.loader';
import { CommentsByClauseLoader } from '../comments/comments-by-clause.loader';
import { DocumentByIdLoader, DocumentByIdLoaderInstance } from '../documents/document-by-id.loader';
import { AmendmentModel } from '../amendments/amendment.model';
import { ClauseModel } from './clause.model';
import { CommentModel } from '../comments/comment.model';

/** Clause.amendments and Clause.comments: shown to those who may see the draft. */
@Resolver(() => ClauseModel)
export class ClauseDiscussionResolver {
  constructor(private readonly documents: DocumentsService) {}

  @ResolveField(() => [AmendmentModel])
  async amendments(
    clause: ClauseModel,
    @FieldArgs() { status }: AmendmentStatusArgs,
    context: GraphQLRequestContext,
  ): Promise<AmendmentModel[]> {
    const actor = callerOf(context);
    const documents = loaderOf(context, DocumentByIdLoader);
    const amendments = loaderOf(context, AmendmentsByClauseLoader);
    if (!(await this.mayRead(actor, clause, documents))) return [];
    return (await amendments.load(clause.id))
      .filter((amendment) => !status || amendment.status === status)
      .map(AmendmentModel.from);
  }

  @ResolveField(() => [CommentModel], { description: 'Thread starters; replies hang below' })
  async comments(
    clause: ClauseModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<CommentModel[]> {
    const actor = callerOf(context);
    const documents = loaderOf(context, DocumentByIdLoader);
    const comments = loaderOf(context, CommentsByClauseLoader);
    if (!(await this.mayRead(actor, clause, documents))) return [];
    return (await comments.load(clause.id)).map(CommentModel.from);
  }

  private async mayRead(
    actor: Actor | null,
    clause: ClauseModel,
    documents: DocumentByIdLoaderInstance,
  ): Promise<boolean> {
    // Read through its document (the usual case): that read is checked, not read again.
    const document = clause.document ?? (await documents.load(clause.documentId));
    return !!document && this.documents.canReadHistory(actor, document);
  }
}
