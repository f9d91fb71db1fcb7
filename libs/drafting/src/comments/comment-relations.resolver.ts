import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { RepliesByCommentLoader } from './replies-by-comment.loader';
import { CommentModel } from './comment.model';

@Resolver(() => CommentModel)
export class CommentRelationsResolver {
  @ResolveField(() => UserModel)
  async author(
    comment: CommentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel> {
    const users = loaderOf(context, UserByIdLoader);
    const user = await users.load(comment.authorId);
    if (!user) throw DomainException.notFound('User');
    return UserModel.from(user);
  }

  @ResolveField(() => ParticipantModel, {
    nullable: true,
    description: 'The author’s delegation when the comment was made',
  })
  async participant(
    comment: CommentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel | null> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    if (!comment.participantId) return null;
    const participant = await participants.load(comment.participantId);
    return participant ? ParticipantModel.from(participant) : null;
  }

  @ResolveField(() => [CommentModel], { description: 'Oldest first' })
  async replies(
    comment: CommentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<CommentModel[]> {
    const replies = loaderOf(context, RepliesByCommentLoader);
    return (await replies.load(comment.id)).map(CommentModel.from);
  }
}
