import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Loader } from '@accord/common';
import { DocumentsService } from './documents.service';
import { AmendmentStatusArgs } from './dto/amendment-status.args';
import {
  AmendmentsByClauseLoader,
  AmendmentsByClauseLoaderInstance,
} from './loaders/amendments-by-clause.loader';
import {
  CommentsByClauseLoader,
  CommentsByClauseLoaderInstance,
} from './loaders/comments-by-clause.loader';
import { DocumentByIdLoader, DocumentByIdLoaderInstance } from './loaders/document-by-id.loader';
import { AmendmentModel } from './models/amendment.model';
import { ClauseModel } from './models/clause.model';
import { CommentModel } from './models/comment.model';

/** Clause.amendments and Clause.comments: shown to those who may see the draft. */
@Resolver(() => ClauseModel)
export class ClauseDiscussionResolver {
  constructor(private readonly documents: DocumentsService) {}

  @ResolveField(() => [AmendmentModel])
  async amendments(
    @Parent() clause: ClauseModel,
    @CurrentUser() actor: Actor | null,
    @Args() { status }: AmendmentStatusArgs,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
    @Loader(AmendmentsByClauseLoader) amendments: AmendmentsByClauseLoaderInstance,
  ): Promise<AmendmentModel[]> {
    if (!(await this.mayRead(actor, clause, documents))) return [];
    return (await amendments.load(clause.id))
      .filter((amendment) => !status || amendment.status === status)
      .map(AmendmentModel.from);
  }

  @ResolveField(() => [CommentModel], { description: 'Thread starters; replies hang below' })
  async comments(
    @Parent() clause: ClauseModel,
    @CurrentUser() actor: Actor | null,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
    @Loader(CommentsByClauseLoader) comments: CommentsByClauseLoaderInstance,
  ): Promise<CommentModel[]> {
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
