import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, GraphQLRequestContext, loaderOf } from '@accord/common';
import { DocumentByIdLoader, DocumentEntity } from '@accord/drafting';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { ActionItemsService } from '../action-items/action-items.service';
import { AgendasService } from '../agendas/agendas.service';
import { documentIdsOf } from '../agendas/agenda-views';
import { InvitationsService } from '../invitations/invitations.service';
import { ActionItemsByDueMeetingLoader } from '../action-items/action-items-by-due-meeting.loader';
import { HostsByMeetingLoader } from './hosts-by-meeting.loader';
import { InvitationsByMeetingLoader } from '../invitations/invitations-by-meeting.loader';
import { LatestAgendaLoader } from '../agendas/latest-agenda.loader';
import { MeetingByIdLoader } from './meeting-by-id.loader';
import { NextMeetingLoader } from './next-meeting.loader';
import { PublishedAgendaLoader } from '../agendas/published-agenda.loader';
import { ActionItemModel } from '../action-items/action-item.model';
import { AgendaModel } from '../agendas/agenda.model';
import { InvitationModel } from '../invitations/invitation.model';
import { MeetingModel } from './meeting.model';

@Resolver(() => MeetingModel)
export class MeetingFieldsResolver {
  constructor(
    private readonly invitationsService: InvitationsService,
    private readonly actionItemsService: ActionItemsService,
    private readonly agendas: AgendasService,
  ) {}

  @ResolveField(() => [ParticipantModel], { description: 'In order: the first opens the meeting' })
  async hosts(
    meeting: MeetingModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel[]> {
    const hosts = loaderOf(context, HostsByMeetingLoader);
    const participants = loaderOf(context, ParticipantByIdLoader);
    const rows = await participants.loadMany(
      (await hosts.load(meeting.id)).map((h) => h.participantId),
    );
    return rows.flatMap((p) => (p && !(p instanceof Error) ? [ParticipantModel.from(p)] : []));
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async previousMeeting(
    meeting: MeetingModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<MeetingModel | null> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    if (!meeting.previousMeetingId) return null;
    const previous = await meetings.load(meeting.previousMeetingId);
    return previous ? MeetingModel.from(previous) : null;
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async nextMeeting(
    meeting: MeetingModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<MeetingModel | null> {
    const next = loaderOf(context, NextMeetingLoader);
    const following = await next.load(meeting.id);
    return following ? MeetingModel.from(following) : null;
  }

  @ResolveField(() => [InvitationModel], {
    description: 'Secretariat and the invited participants’ members; empty for others',
  })
  async invitations(
    meeting: MeetingModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<InvitationModel[]> {
    const actor = callerOf(context);
    const invitations = loaderOf(context, InvitationsByMeetingLoader);
    const all = await invitations.load(meeting.id);
    return this.invitationsService.visible(actor, all).map(InvitationModel.from);
  }

  @ResolveField(() => [ActionItemModel], {
    description:
      'Due at this meeting; each shown to the secretariat, its owner and the invited participants',
  })
  async actionItems(
    meeting: MeetingModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ActionItemModel[]> {
    const actor = callerOf(context);
    const items = loaderOf(context, ActionItemsByDueMeetingLoader);
    const invitations = loaderOf(context, InvitationsByMeetingLoader);
    const [due, invited] = await Promise.all([
      items.load(meeting.id),
      invitations.load(meeting.id),
    ]);
    return this.actionItemsService.visible(actor, due, invited).map(ActionItemModel.from);
  }

  @ResolveField(() => AgendaModel, {
    nullable: true,
    description:
      'The latest version for the secretariat; the latest published one for others, showing only what they may read',
  })
  async agenda(
    meeting: MeetingModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<AgendaModel | null> {
    const actor = callerOf(context);
    const latest = loaderOf(context, LatestAgendaLoader);
    const published = loaderOf(context, PublishedAgendaLoader);
    const documents = loaderOf(context, DocumentByIdLoader);
    const invitations = loaderOf(context, InvitationsByMeetingLoader);
    const loader = this.agendas.canReadUnpublished(actor) ? latest : published;
    const agenda = await loader.load(meeting.id);
    if (!agenda) return null;
    const [found, invited] = await Promise.all([
      documents.loadMany(documentIdsOf(agenda)),
      invitations.load(meeting.id),
    ]);
    const byId = new Map<string, DocumentEntity>();
    for (const d of found) if (d && !(d instanceof Error)) byId.set(d.id, d);
    return AgendaModel.from(
      this.agendas.visibleVersion(
        actor,
        agenda,
        byId,
        invited.map((i) => i.participantId),
      ),
    );
  }
}
