import { DateTime } from 'luxon';
import { MeetingDay, sessionsOf } from './meeting-days';

export interface Slot {
  start: DateTime;
  end: DateTime;
}

export interface Layout {
  slots: Slot[];
  /** Per day, the breaks that fall between laid-out items (a break after the last item is not shown). */
  breaks: { start: DateTime; end: DateTime; title: string }[];
}

/**
 * Lays items of the given lengths (minutes) one after the other through the meeting's days.
 * An item never straddles a break or the end of a day: when it does not fit in what is left of
 * a session, it starts the next one. Null when the items do not all fit.
 */
export function layoutItems(
  minutes: readonly number[],
  days: readonly MeetingDay[],
): Layout | null {
  const sessions = days.flatMap((day, dayIndex) =>
    sessionsOf(day).map((s) => ({ ...s, dayIndex })),
  );
  const slots: Slot[] = [];
  const lastStartPerDay = new Map<number, DateTime>();
  let index = 0;
  let cursor = sessions[0]?.start;
  for (const length of minutes) {
    while (index < sessions.length) {
      const end = cursor.plus({ minutes: length });
      if (end <= sessions[index].end) {
        slots.push({ start: cursor, end });
        lastStartPerDay.set(sessions[index].dayIndex, cursor);
        cursor = end;
        break;
      }
      index++;
      cursor = sessions[index]?.start;
    }
    if (index >= sessions.length) return null;
  }
  const breaks = days.flatMap((day, dayIndex) => {
    const lastStart = lastStartPerDay.get(dayIndex);
    return lastStart ? day.breaks.filter((b) => b.end <= lastStart) : [];
  });
  return { slots, breaks };
}
