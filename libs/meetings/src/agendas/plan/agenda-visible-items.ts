import { AgendaItemKind } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';

/** What one caller may read of the things an agenda refers to. */
export interface AgendaReader {
  /** The title of a document the caller may read; null when it may not (a draft it cannot see). */
  readableDocument(documentId: string): { readable: boolean; title: string | null };
  /** Whether the follow-up item may list the action items and their owners. */
  actionItems: boolean;
}

const isSubItem = (item: StoredAgendaItem) => item.number.includes('.');

/** A draft the caller cannot see, named by its title only: no notes, clauses or presenters. */
function namedOnly(item: StoredAgendaItem, title: string | null): StoredAgendaItem {
  const name = title ?? 'a text under negotiation';
  return {
    ...item,
    title: item.kind === AgendaItemKind.DOCUMENT_REVIEW ? `Consideration of ${name}` : name,
    notes: null,
    clauseIds: [],
    participantIds: [],
  };
}

/**
 * The items of an agenda version as one caller may see them. An item about a draft the caller
 * cannot read keeps its times and the draft's title, nothing else (its notes count brackets and
 * amendments); that draft's clause sub-items, whose names and lengths follow the open work, are
 * folded into it (a run cut by a break goes on as "(continued)"). The follow-up item lists the
 * action items and their owners only to those who may read them. Pure: the stored items are
 * not changed.
 */
export function visibleAgendaItems(
  items: readonly StoredAgendaItem[],
  reader: AgendaReader,
): StoredAgendaItem[] {
  const shown: StoredAgendaItem[] = [];
  // The item standing for a hidden draft, and whether it is the last item shown (extendable).
  let hiddenParent: StoredAgendaItem | null = null;
  let extendable: StoredAgendaItem | null = null;
  for (const item of items) {
    const document = item.documentId ? reader.readableDocument(item.documentId) : null;
    if (document && !document.readable) {
      if (isSubItem(item) && extendable?.documentId === item.documentId) {
        extendable.endsAt = item.endsAt;
        continue;
      }
      const named = namedOnly(item, document.title);
      if (isSubItem(item) && hiddenParent?.documentId === item.documentId) {
        named.number = hiddenParent.number;
        named.title = `${hiddenParent.title} (continued)`;
      } else if (!isSubItem(item)) {
        hiddenParent = named;
      }
      shown.push(named);
      extendable = named;
      continue;
    }
    extendable = null;
    if (item.kind !== AgendaItemKind.BREAK) hiddenParent = null;
    shown.push(
      item.kind === AgendaItemKind.FOLLOW_UP && !reader.actionItems
        ? { ...item, notes: null, participantIds: [] }
        : { ...item },
    );
  }
  return shown;
}
