import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loader } from '@accord/common';
import { UserByIdLoader, UserByIdLoaderInstance, UserModel } from '@accord/auth';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
} from './loaders/participant-by-id.loader';
import {
  DelegationMemberModel,
  DelegationMembershipModel,
  ParticipantModel,
} from './models/participant.model';

@Resolver(() => DelegationMemberModel)
export class DelegationMemberResolver {
  @ResolveField(() => UserModel)
  async user(
    @Parent() member: DelegationMemberModel,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel> {
    const user = await users.load(member.userId);
    if (!user) throw DomainException.notFound('User');
    return UserModel.from(user);
  }
}

@Resolver(() => DelegationMembershipModel)
export class DelegationMembershipResolver {
  @ResolveField(() => ParticipantModel)
  async participant(
    @Parent() membership: DelegationMembershipModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel> {
    const participant = await participants.load(membership.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }
}
