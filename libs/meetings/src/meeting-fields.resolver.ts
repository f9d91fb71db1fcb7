import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Loader } from '@accord/common';
import { DocumentByIdLoader, DocumentByIdLoaderInstance, DocumentEntity } from '@accord/drafting';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantModel,
} from '@accord/participants';
import { ActionItemsService } from './action-items.service';
import { AgendasService } from './agendas.service';
import { documentIdsOf } from './agenda-views';
import { InvitationsService } from './invitations.service';
import {
  ActionItemsByDueMeetingLoader,
  ActionItemsByDueMeetingLoaderInstance,
} from './loaders/action-items-by-due-meeting.loader';
import {
  HostsByMeetingLoader,
  HostsByMeetingLoaderInstance,
} from './loaders/hosts-by-meeting.loader';
import {
  InvitationsByMeetingLoader,
  InvitationsByMeetingLoaderInstance,
} from './loaders/invitations-by-meeting.loader';
import { LatestAgendaLoader, LatestAgendaLoaderInstance } from './loaders/latest-agenda.loader';
import { MeetingByIdLoader, MeetingByIdLoaderInstance } from './loaders/meeting-by-id.loader';
import { NextMeetingLoader, NextMeetingLoaderInstance } from './loaders/next-meeting.loader';
import {
  PublishedAgendaLoader,
  PublishedAgendaLoaderInstance,
} from './loaders/published-agenda.loader';
import { ActionItemModel } from './models/action-item.model';
import { AgendaModel } from './models/agenda.model';
import { InvitationModel } from './models/invitation.model';
import { MeetingModel } from './models/meeting.model';

@Resolver(() => MeetingModel)
export class MeetingFieldsResolver {
  constructor(
    private readonly invitationsService: InvitationsService,
    private readonly actionItemsService: ActionItemsService,
    private readonly agendas: AgendasService,
  ) {}

  @ResolveField(() => [ParticipantModel], { description: 'In order: the first opens the meeting' })
  async hosts(
    @Parent() meeting: MeetingModel,
    @Loader(HostsByMeetingLoader) hosts: HostsByMeetingLoaderInstance,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel[]> {
    const rows = await participants.loadMany(
      (await hosts.load(meeting.id)).map((h) => h.participantId),
    );
    return rows.flatMap((p) => (p && !(p instanceof Error) ? [ParticipantModel.from(p)] : []));
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async previousMeeting(
    @Parent() meeting: MeetingModel,
    @Loader(MeetingByIdLoader) meetings: MeetingByIdLoaderInstance,
  ): Promise<MeetingModel | null> {
    if (!meeting.previousMeetingId) return null;
    const previous = await meetings.load(meeting.previousMeetingId);
    return previous ? MeetingModel.from(previous) : null;
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async nextMeeting(
    @Parent() meeting: MeetingModel,
    @Loader(NextMeetingLoader) next: NextMeetingLoaderInstance,
  ): Promise<MeetingModel | null> {
    const following = await next.load(meeting.id);
    return following ? MeetingModel.from(following) : null;
  }

  @ResolveField(() => [InvitationModel], {
    description: 'Secretariat and the invited participants’ members; empty for others',
  })
  async invitations(
    @Parent() meeting: MeetingModel,
    @CurrentUser() actor: Actor | null,
    @Loader(InvitationsByMeetingLoader) invitations: InvitationsByMeetingLoaderInstance,
  ): Promise<InvitationModel[]> {
    const all = await invitations.load(meeting.id);
    return this.invitationsService.visible(actor, all).map(InvitationModel.from);
  }

  @ResolveField(() => [ActionItemModel], {
    description:
      'Due at this meeting; each shown to the secretariat, its owner and the invited participants',
  })
  async actionItems(
    @Parent() meeting: MeetingModel,
    @CurrentUser() actor: Actor | null,
    @Loader(ActionItemsByDueMeetingLoader) items: ActionItemsByDueMeetingLoaderInstance,
    @Loader(InvitationsByMeetingLoader) invitations: InvitationsByMeetingLoaderInstance,
  ): Promise<ActionItemModel[]> {
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
    @Parent() meeting: MeetingModel,
    @CurrentUser() actor: Actor | null,
    @Loader(LatestAgendaLoader) latest: LatestAgendaLoaderInstance,
    @Loader(PublishedAgendaLoader) published: PublishedAgendaLoaderInstance,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
    @Loader(InvitationsByMeetingLoader) invitations: InvitationsByMeetingLoaderInstance,
  ): Promise<AgendaModel | null> {
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
