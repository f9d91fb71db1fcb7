import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission, Public } from '@accord/common';
import { CreateParticipantInput } from './dto/create-participant.input';
import { AddDelegationMemberInput } from './dto/add-delegation-member.input';
import { ParticipantsArgs } from './dto/participants.args';
import {
  DelegationMemberModel,
  ParticipantConnection,
  ParticipantModel,
} from './models/participant.model';
import { ParticipantsService } from './participants.service';

@Resolver(() => ParticipantModel)
export class ParticipantsResolver {
  constructor(private readonly participantsService: ParticipantsService) {}

  @Query(() => ParticipantConnection)
  @Public()
  async participants(
    @Args() { filter, first, after }: ParticipantsArgs,
  ): Promise<ParticipantConnection> {
    const page = await this.participantsService.page(filter ?? {}, first, after ?? null);
    return {
      edges: page.rows.map(({ node, cursor }) => ({ node: ParticipantModel.from(node), cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      filter: filter ?? {},
    };
  }

  @Query(() => ParticipantModel, { nullable: true })
  @Public()
  async participant(@Args('id', { type: () => ID }) id: string): Promise<ParticipantModel | null> {
    const participant = await this.participantsService.getById(id);
    return participant ? ParticipantModel.from(participant) : null;
  }

  @Mutation(() => ParticipantModel)
  @Permission('participant.create')
  async createParticipant(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: CreateParticipantInput,
  ): Promise<ParticipantModel> {
    return ParticipantModel.from(await this.participantsService.create(actor, input));
  }

  @Mutation(() => DelegationMemberModel)
  @Permission('delegation.manageMember')
  async addDelegationMember(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: AddDelegationMemberInput,
  ): Promise<DelegationMemberModel> {
    const { userId, participantId, role } = await this.participantsService.addMember(actor, input);
    return Object.assign(new DelegationMemberModel(), { userId, participantId, role });
  }

  @Mutation(() => Boolean)
  @Permission('delegation.manageMember')
  removeDelegationMember(
    @CurrentUser() actor: Actor | null,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<boolean> {
    return this.participantsService.removeMember(actor, participantId, userId);
  }
}
