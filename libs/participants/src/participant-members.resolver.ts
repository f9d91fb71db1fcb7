import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, GraphQLRequestContext, loaderOf } from '@accord/common';
import { MembersByParticipantLoader } from './loaders/members-by-participant.loader';
import { DelegationMemberModel, ParticipantModel } from './models/participant.model';
import { ParticipantsService } from './participants.service';

@Resolver(() => ParticipantModel)
export class ParticipantMembersResolver {
  constructor(private readonly participants: ParticipantsService) {}

  @ResolveField(() => [DelegationMemberModel], {
    description: 'Secretariat and the participant’s own members only; empty for others',
  })
  async members(
    participant: ParticipantModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DelegationMemberModel[]> {
    const actor = callerOf(context);
    const members = loaderOf(context, MembersByParticipantLoader);
    if (!this.participants.canSeeMembers(actor, participant.id)) return [];
    return (await members.load(participant.id)).map(({ userId, participantId, role }) =>
      Object.assign(new DelegationMemberModel(), { userId, participantId, role }),
    );
  }
}
