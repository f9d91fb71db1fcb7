import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, MeetingStatus, Permission, Public } from '@accord/common';
import { CreateMeetingInput } from './create-meeting.input';
import { UpdateMeetingInput } from './update-meeting.input';
import { InvitationsService } from '../invitations/invitations.service';
import { MeetingsService } from './meetings.service';
import { InvitationModel } from '../invitations/invitation.model';
import { MeetingModel } from './meeting.model';

@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly meetingsService: MeetingsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Query(() => [MeetingModel], { description: 'Every meeting, by start' })
  @Public()
  async meetings(): Promise<MeetingModel[]> {
    return (await this.meetingsService.list()).map(MeetingModel.from);
  }

  @Query(() => MeetingModel, { nullable: true })
  @Public()
  async meeting(@Args('id', { type: () => ID }) id: string): Promise<MeetingModel | null> {
    const meeting = await this.meetingsService.get(id);
    return meeting ? MeetingModel.from(meeting) : null;
  }

  @Mutation(() => MeetingModel)
  @Permission('meeting.create')
  async createMeeting(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: CreateMeetingInput,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.create(actor, input));
  }

  @Mutation(() => MeetingModel, { description: 'Changes only the fields given' })
  @Permission('meeting.update')
  async updateMeeting(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: UpdateMeetingInput,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.update(actor, input));
  }

  @Mutation(() => MeetingModel, {
    description: 'PLANNED ⇄ CONFIRMED, then CONCLUDED or CANCELLED (both final)',
  })
  @Permission('meeting.update')
  async setMeetingStatus(
    @CurrentUser() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('status', { type: () => MeetingStatus }) status: MeetingStatus,
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.meetingsService.setStatus(actor, meetingId, status));
  }

  @Mutation(() => MeetingModel, { description: 'Idempotent: existing invitations are kept' })
  @Permission('meeting.invite')
  async inviteParticipants(
    @CurrentUser() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('participantIds', { type: () => [ID] }) participantIds: string[],
  ): Promise<MeetingModel> {
    return MeetingModel.from(await this.invitations.invite(actor, meetingId, participantIds));
  }

  @Mutation(() => InvitationModel, {
    description: 'By the head of delegation of an invited participant',
  })
  @Permission('invitation.respond')
  async respondToInvitation(
    @CurrentUser() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('accept') accept: boolean,
  ): Promise<InvitationModel> {
    return InvitationModel.from(await this.invitations.respond(actor, meetingId, accept));
  }

  @Mutation(() => MeetingModel, {
    description: 'After a CONCLUDED meeting: marks these invited participants ATTENDED',
  })
  @Permission('meeting.invite')
  async recordAttendance(
    @CurrentUser() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('participantIds', { type: () => [ID] }) participantIds: string[],
  ): Promise<MeetingModel> {
    return MeetingModel.from(
      await this.invitations.recordAttendance(actor, meetingId, participantIds),
    );
  }
}
