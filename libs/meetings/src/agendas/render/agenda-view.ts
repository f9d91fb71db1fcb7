import { MeetingStatus } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';

/** Everything a rendering of one agenda version needs, already read. */
export interface AgendaView {
  meeting: {
    id: string;
    title: string;
    city: string;
    venue: string | null;
    timezone: string;
    startsAt: Date;
    endsAt: Date;
    /** Until the meeting is concluded, its agenda is provisional. */
    status: MeetingStatus;
  };
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
  items: StoredAgendaItem[];
  /** Items earlier versions had and this one dropped, as the reader may see them (cancelled events). */
  removedItems: StoredAgendaItem[];
  warnings: string[];
  /** Names of the participants the items refer to, by id. */
  participantNames: Map<string, string>;
}

/** How a rendering introduces an item's participants, by what they do in it. */
export function participantsLabel(kind: string): string {
  switch (kind) {
    case 'OPENING':
    case 'CLOSING':
      return 'Hosts';
    case 'SIGNING':
      return 'Expected to sign';
    case 'FOLLOW_UP':
      return 'Owners';
    default:
      return 'Participants';
  }
}

export function participantNamesOf(view: AgendaView, ids: readonly string[]): string[] {
  return ids.map((id) => view.participantNames.get(id) ?? 'Unknown participant');
}

/** What an agenda is called while its meeting has not concluded, and after. */
export function agendaStatusLabel(status: MeetingStatus): string {
  switch (status) {
    case MeetingStatus.CONCLUDED:
      return 'Agenda';
    case MeetingStatus.CANCELLED:
      return 'Provisional agenda (meeting cancelled)';
    default:
      return 'Provisional agenda';
  }
}
