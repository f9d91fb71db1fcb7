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
  };
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
  items: StoredAgendaItem[];
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
