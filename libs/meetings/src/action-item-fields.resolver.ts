import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loader } from '@accord/common';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantModel,
} from '@accord/participants';
import { MeetingByIdLoader, MeetingByIdLoaderInstance } from './loaders/meeting-by-id.loader';
import { ActionItemModel } from './models/action-item.model';
import { MeetingModel } from './models/meeting.model';

@Resolver(() => ActionItemModel)
export class ActionItemFieldsResolver {
  @ResolveField(() => ParticipantModel, { nullable: true })
  async owner(
    @Parent() item: ActionItemModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel | null> {
    if (!item.ownerId) return null;
    const owner = await participants.load(item.ownerId);
    return owner ? ParticipantModel.from(owner) : null;
  }

  @ResolveField(() => MeetingModel)
  async raisedAt(
    @Parent() item: ActionItemModel,
    @Loader(MeetingByIdLoader) meetings: MeetingByIdLoaderInstance,
  ): Promise<MeetingModel> {
    const meeting = await meetings.load(item.raisedAtId);
    if (!meeting) throw DomainException.notFound('Meeting');
    return MeetingModel.from(meeting);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async dueAt(
    @Parent() item: ActionItemModel,
    @Loader(MeetingByIdLoader) meetings: MeetingByIdLoaderInstance,
  ): Promise<MeetingModel | null> {
    if (!item.dueAtId) return null;
    const meeting = await meetings.load(item.dueAtId);
    return meeting ? MeetingModel.from(meeting) : null;
  }
}
