import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ParticipantByIdLoader, ParticipantByIdLoaderInstance } from '@accord/participants';
import { renderAgendaICalendar } from './render/agenda-icalendar';
import { renderAgendaMarkdown } from './render/agenda-markdown';
import { AgendaView } from './render/agenda-view';
import { agendaView, participantIdsOf } from './agenda-views';
import { MeetingByIdLoader, MeetingByIdLoaderInstance } from '../meetings/meeting-by-id.loader';
import { AgendaModel } from './agenda.model';

/** Agenda.markdown and Agenda.icalendar, rendered from the version with names read through loaders. */
@Resolver(() => AgendaModel)
export class AgendaFieldsResolver {
  @ResolveField(() => String)
  async markdown(
    agenda: AgendaModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<string> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    const participants = loaderOf(context, ParticipantByIdLoader);
    return renderAgendaMarkdown(await this.view(agenda, meetings, participants));
  }

  @ResolveField(() => String, { description: 'One VEVENT per item, in the meeting’s time zone' })
  async icalendar(
    agenda: AgendaModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<string> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    const participants = loaderOf(context, ParticipantByIdLoader);
    return renderAgendaICalendar(await this.view(agenda, meetings, participants));
  }

  private async view(
    agenda: AgendaModel,
    meetings: MeetingByIdLoaderInstance,
    participants: ParticipantByIdLoaderInstance,
  ): Promise<AgendaView> {
    const source = { ...agenda, items: agenda.stored, removedItems: agenda.removedItems };
    const [meeting, named] = await Promise.all([
      meetings.load(agenda.meetingId),
      participants.loadMany(participantIdsOf(source)),
    ]);
    if (!meeting) throw DomainException.notFound('Meeting');
    const names = new Map<string, string>();
    for (const p of named) if (p && !(p instanceof Error)) names.set(p.id, p.name);
    return agendaView(meeting, source, names);
  }
}
