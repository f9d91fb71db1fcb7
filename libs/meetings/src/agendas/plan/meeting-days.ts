import { DateTime } from 'luxon';

/** The times a meeting runs: its own IANA zone, its first start and its last end. */
export interface MeetingTimes {
  timezone: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BreakSlot {
  title: string;
  start: DateTime;
  end: DateTime;
}

/** One day of a meeting, in the meeting's zone, with the standard breaks that fall inside it. */
export interface MeetingDay {
  start: DateTime;
  end: DateTime;
  breaks: BreakSlot[];
}

/** Local wall-clock breaks of a full conference day; one is kept only when it lies inside the day's hours. */
export const STANDARD_BREAKS: readonly { title: string; from: string; to: string }[] = [
  { title: 'Coffee break', from: '10:30', to: '10:45' },
  { title: 'Lunch', from: '12:30', to: '13:30' },
  { title: 'Coffee break', from: '15:30', to: '15:45' },
];

/** Hours used for the days of a multi-day meeting whose end's time of day is not after its start's. */
const DEFAULT_DAY = { start: '09:00', end: '18:00' };

function at(day: DateTime, hhmm: string, zone: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  // From the local calendar date and wall-clock time, so that DST changes are honoured.
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone },
  );
}

const timeOfDay = (t: DateTime) => t.toFormat('HH:mm');

/**
 * The days of a meeting. A one-day meeting runs from its start to its end. Each day of a
 * multi-day meeting runs from the start's local time of day to the end's local time of day
 * (09:00–17:00 on Monday and Tuesday for a meeting from Monday 09:00 to Tuesday 17:00). When
 * the end's time of day is not after the start's (Monday 14:00 to Wednesday 12:00), the first
 * day runs from the start to 18:00, the days between from 09:00 to 18:00, and the last day from
 * 09:00 to the end (never outside the meeting itself).
 */
export function meetingDays(meeting: MeetingTimes): MeetingDay[] {
  const zone = meeting.timezone;
  const start = DateTime.fromJSDate(meeting.startsAt, { zone });
  const end = DateTime.fromJSDate(meeting.endsAt, { zone });
  const firstDate = start.startOf('day');
  const lastDate = end.startOf('day');
  const sameHours = timeOfDay(end) > timeOfDay(start);
  const days: MeetingDay[] = [];
  for (let date = firstDate; date <= lastDate; date = date.plus({ days: 1 }).startOf('day')) {
    const first = date.hasSame(firstDate, 'day');
    const last = date.hasSame(lastDate, 'day');
    let dayStart = first ? start : at(date, sameHours ? timeOfDay(start) : DEFAULT_DAY.start, zone);
    let dayEnd = last ? end : at(date, sameHours ? timeOfDay(end) : DEFAULT_DAY.end, zone);
    if (dayStart < start) dayStart = start;
    if (dayEnd > end) dayEnd = end;
    if (dayEnd <= dayStart) continue;
    days.push({ start: dayStart, end: dayEnd, breaks: breaksWithin(date, dayStart, dayEnd, zone) });
  }
  // A meeting across midnight (20:00 to 02:00) has no day by the rule above: it is one stretch.
  return days.length ? days : [{ start, end, breaks: [] }];
}

function breaksWithin(date: DateTime, start: DateTime, end: DateTime, zone: string): BreakSlot[] {
  return STANDARD_BREAKS.map((b) => ({
    title: b.title,
    start: at(date, b.from, zone),
    end: at(date, b.to, zone),
  })).filter((b) => b.start >= start && b.end <= end);
}

/** The stretches of a day between its breaks, in order. */
export function sessionsOf(day: MeetingDay): { start: DateTime; end: DateTime }[] {
  const sessions: { start: DateTime; end: DateTime }[] = [];
  let cursor = day.start;
  for (const b of day.breaks) {
    if (b.start > cursor) sessions.push({ start: cursor, end: b.start });
    cursor = b.end;
  }
  if (day.end > cursor) sessions.push({ start: cursor, end: day.end });
  return sessions;
}
