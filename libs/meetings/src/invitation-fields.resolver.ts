import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loader } from '@accord/common';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantModel,
} from '@accord/participants';
import { MeetingByIdLoader, MeetingByIdLoaderInstance } from './loaders/meeting-by-id.loader';
import { InvitationModel } from './models/invitation.model';
import { MeetingModel } from './models/meeting.model';

@Resolver(() => InvitationModel)
export class InvitationFieldsResolver {
  @ResolveField(() => ParticipantModel)
  async participant(
    @Parent() invitation: InvitationModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel> {
    const participant = await participants.load(invitation.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => MeetingModel)
  async meeting(
    @Parent() invitation: InvitationModel,
    @Loader(MeetingByIdLoader) meetings: MeetingByIdLoaderInstance,
  ): Promise<MeetingModel> {
    const meeting = await meetings.load(invitation.meetingId);
    if (!meeting) throw DomainException.notFound('Meeting');
    return MeetingModel.from(meeting);
  }
}
