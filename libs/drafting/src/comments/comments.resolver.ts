import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { CommentsService } from './comments.service';
import { AddCommentArgs } from './add-comment.args';
import { CommentIdArgs } from './comment-id.args';
import { CommentModel } from './comment.model';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(private readonly comments: CommentsService) {}

  @Mutation(() => CommentModel)
  @Permission('comment.add')
  async addComment(
    @CurrentUser() actor: Actor | null,
    @Args() { clauseId, body, parentId }: AddCommentArgs,
  ): Promise<CommentModel> {
    return CommentModel.from(await this.comments.add(actor, clauseId, body, parentId));
  }

  @Mutation(() => CommentModel)
  @Permission('comment.resolve')
  async resolveComment(
    @CurrentUser() actor: Actor | null,
    @Args() { commentId }: CommentIdArgs,
  ): Promise<CommentModel> {
    return CommentModel.from(await this.comments.resolve(actor, commentId));
  }
}
