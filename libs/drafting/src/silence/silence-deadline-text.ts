import { DateTime } from 'luxon';

/** "1 December 2026, 17:00 Europe/Paris (16:00 UTC)": a deadline as it was announced. */
export function silenceDeadlineText(deadline: Date, timezone: string): string {
  const local = DateTime.fromJSDate(deadline, { zone: timezone });
  const utc = DateTime.fromJSDate(deadline, { zone: 'UTC' });
  const announced = `${local.toFormat('d LLLL yyyy, HH:mm', { locale: 'en-GB' })} ${timezone}`;
  return timezone === 'UTC'
    ? announced
    : `${announced} (${utc.toFormat('d LLLL yyyy, HH:mm', { locale: 'en-GB' })} UTC)`;
}
