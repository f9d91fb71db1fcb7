import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { MeetingByIdLoader } from '../meetings/meeting-by-id.loader';
import { InvitationModel } from './invitation.model';
import { MeetingModel } from '../meetings/meeting.model';

@Resolver(() => InvitationModel)
export class InvitationFieldsResolver {
  @ResolveField(() => ParticipantModel)
  async participant(
    invitation: InvitationModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    const participant = await participants.load(invitation.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => MeetingModel)
  async meeting(
    invitation: InvitationModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<MeetingModel> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    const meeting = await meetings.load(invitation.meetingId);
    if (!meeting) throw DomainException.notFound('Meeting');
    return MeetingModel.from(meeting);
  }
}
