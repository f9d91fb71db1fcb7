import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MeetingChange } from '@accord/common';
import type { MeetingRow } from './notifications.repository';

/** The UID every message about a meeting shares, so that calendars update one event. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@accord`;
}

/**
 * The meeting as an iTIP message: METHOD:REQUEST for an invitation or an update, CANCEL for a
 * cancellation, always the same UID; SEQUENCE grows with each change (the meeting's updatedAt
 * in seconds), so that a calendar applies the newest.
 */
export function meetingCalendar(
  meeting: MeetingRow,
  change: MeetingChange,
  organizer: { name: string; email: string },
  attendee: { name: string; email: string },
): { method: 'REQUEST' | 'CANCEL'; content: string } {
  const cancel = change === 'CANCELLED';
  const calendar = ical({
    prodId: { company: 'Accord', product: 'Meetings', language: 'EN' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: meetingUid(meeting.id),
    sequence: Math.floor(new Date(meeting.updatedAt).getTime() / 1000),
    stamp: new Date(),
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    summary: meeting.title,
    location: [meeting.venue, meeting.city].filter(Boolean).join(', ') || null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
    attendees: [{ name: attendee.name, email: attendee.email, rsvp: false }],
  });
  return { method: cancel ? 'CANCEL' : 'REQUEST', content: calendar.toString() };
}
