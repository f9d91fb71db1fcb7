import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { ParticipantByIdLoader } from './loaders/participant-by-id.loader';
import {
  DelegationMemberModel,
  DelegationMembershipModel,
  ParticipantModel,
} from './models/participant.model';

@Resolver(() => DelegationMemberModel)
export class DelegationMemberResolver {
  @ResolveField(() => UserModel)
  async user(
    member: DelegationMemberModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel> {
    const users = loaderOf(context, UserByIdLoader);
    const user = await users.load(member.userId);
    if (!user) throw DomainException.notFound('User');
    return UserModel.from(user);
  }
}

@Resolver(() => DelegationMembershipModel)
export class DelegationMembershipResolver {
  @ResolveField(() => ParticipantModel)
  async participant(
    membership: DelegationMembershipModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    const participant = await participants.load(membership.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }
}
