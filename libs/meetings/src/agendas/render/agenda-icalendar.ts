import ical, { escape, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { AgendaItemKind } from '@accord/common';
import type { StoredAgendaItem } from '../agenda.entity';
import { AgendaView, participantNamesOf, participantsLabel } from './agenda-view';
import { localTime } from '../plan/local-time';

/** The canonical zone name and its VTIMEZONE block; aliases (UTC, GB…) resolve to their canonical TZID. */
function vtimezone(zone: string): { tzid: string; block: string } | null {
  const [block, tzidParam] = tzlib_get_ical_block(zone);
  const tzid = /^TZID=(.+)$/.exec(tzidParam ?? '')?.[1];
  return block && tzid ? { tzid, block } : null;
}

/** The event's UID: the item's key, which stays the same across versions (agenda-item-keys.ts). */
function uidOf(meetingId: string, item: StoredAgendaItem, index: number): string {
  return `${meetingId}-${item.key ?? `item-${index + 1}`}@accord`;
}

/** The breaks that follow an item, up to the next item: told in its description, not as events. */
function breaksAfter(items: readonly StoredAgendaItem[], index: number, zone: string): string[] {
  const lines: string[] = [];
  for (let k = index + 1; k < items.length && items[k].kind === AgendaItemKind.BREAK; k++) {
    const time = (iso: string) => localTime(iso, zone).toFormat('HH:mm');
    lines.push(
      `Followed by: ${items[k].title}, ${time(items[k].startsAt)}–${time(items[k].endsAt)}`,
    );
  }
  return lines;
}

/**
 * One VEVENT per item (breaks are not events: each is told in the description of the item
 * before it), its times in the meeting's zone (DTSTART;TZID=…) with the zone's VTIMEZONE, so
 * that calendar apps show the local hours wherever the reader is. An item keeps its UID across
 * versions and SEQUENCE is the agenda's version, so a calendar that imported an earlier version
 * updates its events; an item a later version dropped comes as STATUS:CANCELLED, so it does not
 * linger. DTSTAMP is the version's creation time: the same version always renders the same
 * file. Every text is escaped (CR, LF, `;`, `,`, `\`): ical-generator escapes SUMMARY,
 * DESCRIPTION and LOCATION but writes the calendar's NAME and X-WR-CALNAME as given, so the
 * name is escaped here.
 */
export function renderAgendaICalendar(view: AgendaView): string {
  const { meeting } = view;
  const zone = vtimezone(meeting.timezone);
  const calendar = ical({
    name: escape(`Agenda: ${meeting.title}`, false),
    prodId: { company: 'Accord', product: 'Agenda', language: 'EN' },
  });
  if (zone) {
    // No calendar-wide zone: ical-generator would then write DTSTAMP without its UTC "Z".
    calendar.timezone({ name: null, generator: () => zone.block });
    calendar.x([['X-WR-TIMEZONE', zone.tzid]]);
  }
  const location = [meeting.venue, meeting.city].filter(Boolean).join(', ');
  const at = (iso: string) => {
    const instant = DateTime.fromISO(iso, { zone: 'utc' });
    return zone ? instant.setZone(zone.tzid) : instant;
  };
  const summary = (item: StoredAgendaItem) =>
    item.kind === AgendaItemKind.BREAK ? item.title : `${item.number}. ${item.title}`;
  view.items.forEach((item, index) => {
    if (item.kind === AgendaItemKind.BREAK) return;
    const description = [
      item.notes,
      item.participantIds.length
        ? `${participantsLabel(item.kind)}: ${participantNamesOf(view, item.participantIds).join(', ')}`
        : null,
      ...breaksAfter(view.items, index, meeting.timezone),
    ].filter(Boolean);
    calendar.createEvent({
      id: uidOf(meeting.id, item, index),
      sequence: view.version,
      stamp: view.createdAt,
      start: at(item.startsAt),
      end: at(item.endsAt),
      timezone: zone?.tzid ?? null,
      summary: summary(item),
      description: description.length ? description.join('\n') : null,
      location: location || null,
    });
  });
  for (const item of view.removedItems) {
    if (item.kind === AgendaItemKind.BREAK || !item.key) continue;
    calendar.createEvent({
      id: uidOf(meeting.id, item, 0),
      sequence: view.version,
      stamp: view.createdAt,
      start: at(item.startsAt),
      end: at(item.endsAt),
      timezone: zone?.tzid ?? null,
      status: ICalEventStatus.CANCELLED,
      summary: `Cancelled: ${summary(item)}`,
      description: `No longer on the agenda (version ${view.version}).`,
      location: location || null,
    });
  }
  return calendar.toString();
}
