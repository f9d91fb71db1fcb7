import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Loader } from '@accord/common';
import {
  MembersByParticipantLoader,
  MembersByParticipantLoaderInstance,
} from './loaders/members-by-participant.loader';
import { DelegationMemberModel, ParticipantModel } from './models/participant.model';
import { ParticipantsService } from './participants.service';

@Resolver(() => ParticipantModel)
export class ParticipantMembersResolver {
  constructor(private readonly participants: ParticipantsService) {}

  @ResolveField(() => [DelegationMemberModel], {
    description: 'Secretariat and the participant’s own members only; empty for others',
  })
  async members(
    @Parent() participant: ParticipantModel,
    @CurrentUser() actor: Actor | null,
    @Loader(MembersByParticipantLoader) members: MembersByParticipantLoaderInstance,
  ): Promise<DelegationMemberModel[]> {
    if (!this.participants.canSeeMembers(actor, participant.id)) return [];
    return (await members.load(participant.id)).map(({ userId, participantId, role }) =>
      Object.assign(new DelegationMemberModel(), { userId, participantId, role }),
    );
  }
}
