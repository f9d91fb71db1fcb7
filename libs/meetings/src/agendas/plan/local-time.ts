import { DateTime } from 'luxon';

/** An instant as wall-clock time in a meeting's zone; the locale is fixed so that renderings do not depend on the server's. */
export function localTime(instant: Date | string, zone: string): DateTime {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return DateTime.fromJSDate(date, { zone }).setLocale('en-GB');
}
