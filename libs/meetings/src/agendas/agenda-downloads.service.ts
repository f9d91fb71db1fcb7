import { Injectable } from '@nestjs/common';
import { Actor } from '@accord/common';
import { AgendasService } from './agendas.service';
import { agendaView, participantIdsOf } from './agenda-views';
import { renderAgendaICalendar } from './render/agenda-icalendar';
import { renderAgendaMarkdown } from './render/agenda-markdown';
import { renderAgendaPdf } from './render/agenda-pdf';
import { AgendaView } from './render/agenda-view';
import { ParticipantDirectory } from '../meetings/participant-directory';

export type AgendaFormat = 'ics' | 'md' | 'pdf';

export interface AgendaDownload {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const CONTENT_TYPES: Record<AgendaFormat, string> = {
  ics: 'text/calendar; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

/** The agenda files behind GET /meetings/:id/agenda.{ics,md,pdf}. */
@Injectable()
export class AgendaDownloadsService {
  constructor(
    private readonly agendas: AgendasService,
    private readonly participants: ParticipantDirectory,
  ) {}

  async download(
    actor: Actor | null,
    meetingId: string,
    format: AgendaFormat,
  ): Promise<AgendaDownload> {
    const { meeting, agenda } = await this.agendas.readable(actor, meetingId);
    const names = new Map(
      [...(await this.participants.getByIds(participantIdsOf(agenda))).values()].map((p) => [
        p.id,
        p.name,
      ]),
    );
    const view = agendaView(meeting, agenda, names);
    return {
      contentType: CONTENT_TYPES[format],
      filename: `agenda-${meeting.id}-v${agenda.version}.${format}`,
      body: await this.render(view, format),
    };
  }

  private render(view: AgendaView, format: AgendaFormat): Promise<string | Buffer> | string {
    switch (format) {
      case 'ics':
        return renderAgendaICalendar(view);
      case 'md':
        return renderAgendaMarkdown(view);
      case 'pdf':
        return renderAgendaPdf(view);
    }
  }
}
