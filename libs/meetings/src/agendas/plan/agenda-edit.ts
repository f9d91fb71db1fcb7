import { AgendaItemKind, DomainException } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';
import { hasLineBreak } from '../../meetings/meeting-checks';
import { AGENDA_MINUTES } from './agenda-builder';
import { numberItems } from './agenda-numbering';
import { PlannedItem } from './agenda-plan';
import { meetingDays, MeetingTimes } from './meeting-days';

/** An edited item as the secretariat sends it (validated field by field already). */
export interface EditedItem {
  /** The item of an earlier version this one continues (its calendar event). */
  key?: string | null;
  kind: AgendaItemKind;
  title: string;
  subItem: boolean;
  minutes?: number | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  documentId?: string | null;
  clauseIds: string[];
  participantIds: string[];
  notes?: string | null;
}

/** The usual length of an item of each kind, when an edit gives none. */
const DEFAULT_MINUTES: Record<AgendaItemKind, number> = {
  [AgendaItemKind.OPENING]: AGENDA_MINUTES.openingPerHost,
  [AgendaItemKind.ADOPTION_OF_AGENDA]: AGENDA_MINUTES.adoption,
  [AgendaItemKind.FOLLOW_UP]: AGENDA_MINUTES.followUpBase + AGENDA_MINUTES.followUpPerItem,
  [AgendaItemKind.DOCUMENT_REVIEW]: AGENDA_MINUTES.documentIntroduction,
  [AgendaItemKind.SIGNING]: AGENDA_MINUTES.signingBase,
  [AgendaItemKind.AOB]: AGENDA_MINUTES.aob,
  [AgendaItemKind.NEXT_MEETING]: AGENDA_MINUTES.nextMeeting,
  [AgendaItemKind.CLOSING]: AGENDA_MINUTES.closing,
  [AgendaItemKind.BREAK]: 15,
  [AgendaItemKind.OTHER]: 15,
};

function checkNesting(items: readonly EditedItem[]): void {
  const first = items.findIndex((i) => i.kind !== AgendaItemKind.BREAK);
  if (first >= 0 && items[first].subItem) {
    throw DomainException.badInput(
      `items.${first}.subItem`,
      'The first numbered item cannot be a sub-item',
    );
  }
  items.forEach((item, k) => {
    if (!item.title.trim()) {
      throw DomainException.badInput(`items.${k}.title`, 'title must not be empty');
    }
    if (hasLineBreak(item.title)) {
      throw DomainException.badInput(`items.${k}.title`, 'title must be a single line');
    }
    if (item.kind === AgendaItemKind.BREAK && item.subItem) {
      throw DomainException.badInput(`items.${k}.subItem`, 'A break is not numbered');
    }
    if (item.clauseIds.length && !item.documentId) {
      throw DomainException.badInput(
        `items.${k}.documentId`,
        'Clauses need the document they are in',
      );
    }
  });
}

/**
 * Items whose times will be laid out again from the start of the meeting: breaks given are
 * left out (the standard breaks are put back where items run across them). Each item keeps its
 * `minutes`, else the length it had (endsAt − startsAt), else its kind's usual length.
 */
export function planFromEdits(items: readonly EditedItem[]): PlannedItem[] {
  checkNesting(items);
  return items
    .filter((i) => i.kind !== AgendaItemKind.BREAK)
    .map((i) => {
      const given =
        i.startsAt && i.endsAt
          ? Math.round((i.endsAt.getTime() - i.startsAt.getTime()) / 60_000)
          : 0;
      return {
        kind: i.kind,
        title: i.title.trim(),
        level: i.subItem ? 2 : 1,
        documentId: i.documentId ?? null,
        clauseIds: i.clauseIds,
        participantIds: i.participantIds,
        notes: i.notes?.trim() || null,
        minutes: i.minutes ?? (given > 0 ? given : DEFAULT_MINUTES[i.kind]),
        proportional: false,
        work: 0,
        label: i.title.trim(),
      };
    });
}

/**
 * Items that keep the times given: each needs both, inside one of the meeting's days, in
 * order and without overlapping the one before. Breaks are kept as given too.
 */
export function keepEditedTimes(
  items: readonly EditedItem[],
  meeting: MeetingTimes,
): StoredAgendaItem[] {
  checkNesting(items);
  const days = meetingDays(meeting);
  items.forEach((item, k) => {
    if (!item.startsAt)
      throw DomainException.badInput(`items.${k}.startsAt`, 'startsAt is required to keep times');
    if (!item.endsAt)
      throw DomainException.badInput(`items.${k}.endsAt`, 'endsAt is required to keep times');
    if (item.endsAt <= item.startsAt) {
      throw DomainException.badInput(`items.${k}.endsAt`, 'endsAt must be after startsAt');
    }
    const start = item.startsAt.getTime();
    const end = item.endsAt.getTime();
    if (!days.some((d) => start >= d.start.toMillis() && end <= d.end.toMillis())) {
      throw DomainException.badInput(
        `items.${k}.startsAt`,
        `"${item.title}" must fall within one day of the meeting's hours`,
      );
    }
    if (k > 0 && start < items[k - 1].endsAt!.getTime()) {
      throw DomainException.badInput(
        `items.${k}.startsAt`,
        `"${item.title}" starts before the item before it ends: items run in order and never overlap`,
      );
    }
  });
  const numbers = numberItems(items.map((i) => ({ kind: i.kind, level: i.subItem ? 2 : 1 })));
  return items.map((item, k) => ({
    number: numbers[k],
    kind: item.kind,
    title: item.title.trim(),
    startsAt: item.startsAt!.toISOString(),
    endsAt: item.endsAt!.toISOString(),
    documentId: item.documentId ?? null,
    clauseIds: item.clauseIds,
    participantIds: item.participantIds,
    notes: item.notes?.trim() || null,
  }));
}
