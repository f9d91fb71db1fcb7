import { AgendaEntity, StoredAgendaItem } from './agenda.entity';
import { AgendaView } from './render/agenda-view';
import { MeetingEntity } from '../meetings/meeting.entity';

/** Every participant an agenda version names (for loading their names in one go). */
export function participantIdsOf(agenda: Pick<AgendaEntity, 'items'>): string[] {
  return [...new Set(agenda.items.flatMap((item) => item.participantIds))];
}

/** Every document an agenda version refers to. */
export function documentIdsOf(
  agenda: Pick<AgendaEntity, 'items'> & Partial<Pick<AgendaEntity, 'removedItems'>>,
): string[] {
  const items = [...agenda.items, ...(agenda.removedItems ?? [])];
  return [...new Set(items.flatMap((item) => (item.documentId ? [item.documentId] : [])))];
}

/** What the renderings need of one agenda version. */
export function agendaView(
  meeting: MeetingEntity,
  agenda: Pick<AgendaEntity, 'version' | 'createdAt' | 'publishedAt' | 'items' | 'warnings'> & {
    removedItems?: StoredAgendaItem[];
  },
  participantNames: Map<string, string>,
): AgendaView {
  return {
    meeting,
    version: agenda.version,
    createdAt: agenda.createdAt,
    publishedAt: agenda.publishedAt,
    items: agenda.items,
    removedItems: agenda.removedItems ?? [],
    warnings: agenda.warnings,
    participantNames,
  };
}
