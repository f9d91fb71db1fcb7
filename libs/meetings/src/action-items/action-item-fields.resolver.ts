import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { MeetingByIdLoader } from '../meetings/meeting-by-id.loader';
import { ActionItemModel } from './action-item.model';
import { MeetingModel } from '../meetings/meeting.model';

@Resolver(() => ActionItemModel)
export class ActionItemFieldsResolver {
  @ResolveField(() => ParticipantModel, { nullable: true })
  async owner(
    item: ActionItemModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel | null> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    if (!item.ownerId) return null;
    const owner = await participants.load(item.ownerId);
    return owner ? ParticipantModel.from(owner) : null;
  }

  @ResolveField(() => MeetingModel)
  async raisedAt(
    item: ActionItemModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<MeetingModel> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    const meeting = await meetings.load(item.raisedAtId);
    if (!meeting) throw DomainException.notFound('Meeting');
    return MeetingModel.from(meeting);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async dueAt(
    item: ActionItemModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<MeetingModel | null> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    if (!item.dueAtId) return null;
    const meeting = await meetings.load(item.dueAtId);
    return meeting ? MeetingModel.from(meeting) : null;
  }
}
