import { AgendaItemKind, DomainException } from '@accord/common';
import { randomUUID } from 'node:crypto';
import type { RemovedAgendaItem, StoredAgendaItem } from '../agenda.entity';

/** Kinds an agenda holds at most once: the same kind is the same item in every version. */
const SINGLE = new Set<AgendaItemKind>([
  AgendaItemKind.OPENING,
  AgendaItemKind.ADOPTION_OF_AGENDA,
  AgendaItemKind.FOLLOW_UP,
  AgendaItemKind.AOB,
  AgendaItemKind.NEXT_MEETING,
  AgendaItemKind.CLOSING,
]);

/** What makes two items of different versions the same item when no key was given. */
function identity(item: StoredAgendaItem): string {
  if (SINGLE.has(item.kind)) return item.kind;
  if (item.documentId) {
    const level = item.number.includes('.') ? 'sub' : 'item';
    return [item.kind, item.documentId, level, [...item.clauseIds].sort().join(',')].join('|');
  }
  return [item.kind, item.title.trim().toLowerCase()].join('|');
}

export interface KeyedAgenda {
  items: StoredAgendaItem[];
  /** Every item an earlier version had and this one has not, with its last times and title. */
  removed: RemovedAgendaItem[];
}

/**
 * Gives every item of a new agenda version the key it had in the versions before, so that a
 * calendar event (UID) follows the item across versions. A key sent with an edited item wins
 * (`requested`: the edited items as sent, whose non-break items are the new version's
 * non-break items in order; breaks take no key); otherwise an item takes the key of
 * the same item (same kind, document and clauses, or same title for free items) in the latest
 * version, then among those removed earlier (an item put back comes back under its old key);
 * otherwise a new key. `published`: each key of the published versions with the item as the
 * last of them showed it, kept with a removed item for the public's cancelled event.
 */
export function assignItemKeys(
  items: readonly StoredAgendaItem[],
  latest: { items: readonly StoredAgendaItem[]; removedItems: readonly RemovedAgendaItem[] } | null,
  published: ReadonlyMap<string, StoredAgendaItem>,
  requested: ReadonlyArray<{ kind: AgendaItemKind; key?: string | null }> = [],
): KeyedAgenda {
  const previous = latest?.items ?? [];
  const earlier = latest?.removedItems ?? [];
  const known = new Map<string, StoredAgendaItem>();
  for (const item of [...previous, ...earlier]) if (item.key) known.set(item.key, item);
  const used = new Set<string>();
  requested.forEach(({ kind, key }, k) => {
    if (!key || kind === AgendaItemKind.BREAK) return;
    if (!known.has(key)) {
      throw DomainException.badInput(
        `items.${k}.key`,
        'key must be the key of an item of the latest version or of one removed earlier',
      );
    }
    if (used.has(key))
      throw DomainException.badInput(`items.${k}.key`, 'Each key may be given once');
    used.add(key);
  });
  const candidates = [...previous, ...earlier].filter((c) => c.key && !used.has(c.key));
  const given = requested.filter((i) => i.kind !== AgendaItemKind.BREAK).map((i) => i.key);
  let nonBreak = 0;
  const keyed = items.map((item) => {
    if (item.kind === AgendaItemKind.BREAK) return { ...item, key: randomUUID() };
    const key0 = given[nonBreak++];
    if (key0) return { ...item, key: key0 };
    const id = identity(item);
    const match = candidates.find(
      (c) => c.kind !== AgendaItemKind.BREAK && !used.has(c.key!) && identity(c) === id,
    );
    const key = match?.key ?? randomUUID();
    used.add(key);
    return { ...item, key };
  });
  const present = new Set(keyed.map((i) => i.key));
  const gone = [
    ...previous
      .filter((i) => i.kind !== AgendaItemKind.BREAK && i.key && !present.has(i.key))
      .map((i) => ({ ...i, publishedAs: published.get(i.key!) ?? null })),
    ...earlier.filter((i) => !present.has(i.key!)),
  ];
  // An item removed twice (put back, removed again) is listed once, with its latest state.
  const removed = [...new Map(gone.map((i) => [i.key!, i])).values()];
  return { items: keyed, removed };
}
