import ical, { escape } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { AgendaItemKind } from '@accord/common';
import { AgendaView, participantNamesOf, participantsLabel } from './agenda-view';

/** The canonical zone name and its VTIMEZONE block; aliases (UTC, GB…) resolve to their canonical TZID. */
function vtimezone(zone: string): { tzid: string; block: string } | null {
  const [block, tzidParam] = tzlib_get_ical_block(zone);
  const tzid = /^TZID=(.+)$/.exec(tzidParam ?? '')?.[1];
  return block && tzid ? { tzid, block } : null;
}

/**
 * One VEVENT per item, its times in the meeting's zone (DTSTART;TZID=…) with the zone's
 * VTIMEZONE, so that calendar apps show the local hours wherever the reader is. DTSTAMP is the
 * version's creation time: the same version always renders the same file. Every text is
 * escaped (CR, LF, `;`, `,`, `\`): ical-generator escapes SUMMARY, DESCRIPTION and LOCATION but
 * writes the calendar's NAME and X-WR-CALNAME as given, so the name is escaped here.
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
  view.items.forEach((item, index) => {
    const description = [
      item.notes,
      item.participantIds.length
        ? `${participantsLabel(item.kind)}: ${participantNamesOf(view, item.participantIds).join(', ')}`
        : null,
    ].filter(Boolean);
    calendar.createEvent({
      id: `${meeting.id}-item-${index + 1}@accord`,
      sequence: view.version,
      stamp: view.createdAt,
      start: at(item.startsAt),
      end: at(item.endsAt),
      timezone: zone?.tzid ?? null,
      summary: item.kind === AgendaItemKind.BREAK ? item.title : `${item.number}. ${item.title}`,
      description: description.length ? description.join('\n') : null,
      location: location || null,
    });
  });
  return calendar.toString();
}
