import { AgendaItemKind } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';
import { MIN_CLAUSE_MINUTES } from './agenda-builder';
import { Layout, layoutItems } from './agenda-layout';
import { numberItems } from './agenda-numbering';
import { PlannedItem } from './agenda-plan';
import { MeetingDay, meetingDays, MeetingTimes } from './meeting-days';

export interface ScheduleResult {
  items: StoredAgendaItem[];
  /** What was compressed, cut or dropped to fit the meeting's hours; empty when everything fits. */
  warnings: string[];
}

/** Shortest time any item is squeezed to when even the fixed items do not fit. */
export const MIN_ITEM_MINUTES = 5;
const FACTORS = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0];
/** Whole items given up, first to last, when nothing else makes the agenda fit. */
const DROP_ORDER = [
  AgendaItemKind.AOB,
  AgendaItemKind.NEXT_MEETING,
  AgendaItemKind.FOLLOW_UP,
  AgendaItemKind.OTHER,
  AgendaItemKind.DOCUMENT_REVIEW,
  AgendaItemKind.SIGNING,
  AgendaItemKind.ADOPTION_OF_AGENDA,
  AgendaItemKind.OPENING,
  AgendaItemKind.CLOSING,
];

const floorTo5 = (minutes: number) => Math.floor(minutes / 5) * 5;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

interface Fit {
  items: PlannedItem[];
  minutes: number[];
  layout: Layout;
}

/** Proportional items scaled down together, each to MIN_CLAUSE_MINUTES at least, until the agenda fits. */
function fitProportional(items: PlannedItem[], days: MeetingDay[]): Fit | null {
  for (const factor of FACTORS) {
    const minutes = items.map((i) =>
      i.proportional ? Math.max(MIN_CLAUSE_MINUTES, floorTo5(i.minutes * factor)) : i.minutes,
    );
    const layout = layoutItems(minutes, days);
    if (layout) return { items, minutes, layout };
  }
  return null;
}

/** Every item scaled down together, each to MIN_ITEM_MINUTES at least. */
function fitAll(items: PlannedItem[], days: MeetingDay[]): Fit | null {
  for (const factor of FACTORS) {
    const minutes = items.map((i) =>
      Math.min(i.minutes, Math.max(MIN_ITEM_MINUTES, floorTo5(i.minutes * factor))),
    );
    const layout = layoutItems(minutes, days);
    if (layout) return { items, minutes, layout };
  }
  return null;
}

/** The clause sub-item to give up first: the least open work, the later one on a tie. */
function lightestSubItem(items: PlannedItem[]): PlannedItem | null {
  let victim: PlannedItem | null = null;
  for (const i of items) if (i.level === 2 && (!victim || i.work <= victim.work)) victim = i;
  return victim;
}

/** The whole item to give up first (a review goes with its sub-items), the later one on a tie. */
function dropOne(items: PlannedItem[]): { kept: PlannedItem[]; dropped: PlannedItem } | null {
  for (const kind of DROP_ORDER) {
    const index = items.findLastIndex((i) => i.kind === kind && i.level === 1);
    if (index < 0) continue;
    let end = index + 1;
    while (end < items.length && items[end].level === 2) end++;
    return { kept: [...items.slice(0, index), ...items.slice(end)], dropped: items[index] };
  }
  return null;
}

/**
 * Lays the planned items out in the meeting's hours. When they do not fit: clause discussions
 * are compressed proportionally (down to MIN_CLAUSE_MINUTES each), then the clause sub-items
 * with the least open work are cut one by one (compression re-applied each time), then every
 * item is shortened, then whole items are dropped (any other business first, closing last).
 * Every step is named in `warnings`; items never overlap, straddle a break, or overrun.
 */
export function scheduleAgenda(
  plan: readonly PlannedItem[],
  meeting: MeetingTimes,
): ScheduleResult {
  const days = meetingDays(meeting);
  const warnings: string[] = [];
  let items = [...plan];
  let fit = fitProportional(items, days);
  while (!fit) {
    const victim = lightestSubItem(items);
    if (!victim) break;
    items = items.filter((i) => i !== victim);
    warnings.push(`Cut for lack of time: ${victim.label} (${victim.notes})`);
    fit = fitProportional(items, days);
  }
  if (fit) {
    const asked = sum(fit.items.filter((i) => i.proportional).map((i) => i.minutes));
    const given = sum(fit.minutes.filter((_m, k) => fit!.items[k].proportional));
    if (given < asked) {
      warnings.unshift(
        `Compressed the clause discussions to ${given} minutes in all (their open work calls for ${asked}; at least ${MIN_CLAUSE_MINUTES} minutes each)`,
      );
    }
    return { items: toStored(fit), warnings };
  }
  fit = fitAll(items, days);
  if (!fit) {
    while (!fit) {
      const next = dropOne(items);
      if (!next) break;
      items = next.kept;
      warnings.push(`Dropped for lack of time: ${next.dropped.label}`);
      fit = fitAll(items, days);
    }
  }
  if (!fit || !items.length) {
    return { items: [], warnings: ['The meeting is too short for any agenda item'] };
  }
  warnings.push(
    `Shortened items below the time they call for (at least ${MIN_ITEM_MINUTES} minutes each): the meeting's hours are too short for this agenda`,
  );
  return { items: toStored(fit), warnings };
}

/** Lays edited items out as given, without compressing or cutting anything; null when they do not fit. */
export function layoutAsGiven(
  plan: readonly PlannedItem[],
  meeting: MeetingTimes,
): StoredAgendaItem[] | null {
  const days = meetingDays(meeting);
  const minutes = plan.map((i) => i.minutes);
  const layout = layoutItems(minutes, days);
  return layout ? toStored({ items: [...plan], minutes, layout }) : null;
}

/** Items and the breaks between them, in time order, numbered. */
function toStored(fit: Fit): StoredAgendaItem[] {
  const rows = [
    ...fit.items.map((i, k) => ({
      ...i,
      start: fit.layout.slots[k].start,
      end: fit.layout.slots[k].end,
    })),
    ...fit.layout.breaks.map((b) => ({
      kind: AgendaItemKind.BREAK,
      title: b.title,
      level: 1 as const,
      documentId: null,
      clauseIds: [],
      participantIds: [],
      notes: null,
      start: b.start,
      end: b.end,
    })),
  ].sort((a, b) => a.start.toMillis() - b.start.toMillis());
  const numbers = numberItems(rows);
  return rows.map((r, k) => ({
    number: numbers[k],
    kind: r.kind,
    title: r.title,
    startsAt: r.start.toUTC().toISO()!,
    endsAt: r.end.toUTC().toISO()!,
    documentId: r.documentId,
    clauseIds: r.clauseIds,
    participantIds: r.participantIds,
    notes: r.notes,
  }));
}
