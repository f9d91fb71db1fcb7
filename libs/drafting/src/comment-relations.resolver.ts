import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loader } from '@accord/common';
import { UserByIdLoader, UserByIdLoaderInstance, UserModel } from '@accord/auth';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantModel,
} from '@accord/participants';
import {
  RepliesByCommentLoader,
  RepliesByCommentLoaderInstance,
} from './loaders/replies-by-comment.loader';
import { CommentModel } from './models/comment.model';

@Resolver(() => CommentModel)
export class CommentRelationsResolver {
  @ResolveField(() => UserModel)
  async author(
    @Parent() comment: CommentModel,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel> {
    const user = await users.load(comment.authorId);
    if (!user) throw DomainException.notFound('User');
    return UserModel.from(user);
  }

  @ResolveField(() => ParticipantModel, {
    nullable: true,
    description: 'The author’s delegation when the comment was made',
  })
  async participant(
    @Parent() comment: CommentModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel | null> {
    if (!comment.participantId) return null;
    const participant = await participants.load(comment.participantId);
    return participant ? ParticipantModel.from(participant) : null;
  }

  @ResolveField(() => [CommentModel], { description: 'Oldest first' })
  async replies(
    @Parent() comment: CommentModel,
    @Loader(RepliesByCommentLoader) replies: RepliesByCommentLoaderInstance,
  ): Promise<CommentModel[]> {
    return (await replies.load(comment.id)).map(CommentModel.from);
  }
}
