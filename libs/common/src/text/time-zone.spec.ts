import { requireTimezone } from './time-zone';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return null;
};

describe(requireTimezone.name, () => {
  it.each([
    'Europe/London',
    'Europe/Paris',
    'Asia/Singapore',
    'America/Argentina/Buenos_Aires',
    'UTC',
    'EST5EDT',
  ])('accepts the IANA zone %s', (zone) => expect(requireTimezone(zone)).toBe(zone));

  it.each([
    'Mars/Olympus_Mons',
    '+02:00',
    'UTC+2',
    'GMT+25',
    'Paris',
    '',
    'Europe/London; DROP TABLE',
    `Europe/${'x'.repeat(70)}`,
  ])('refuses %p naming the field', (zone) =>
    expect(fieldOf(() => requireTimezone(zone))).toBe('timezone'),
  );

  it('names the field it is given', () => {
    expect(fieldOf(() => requireTimezone('nowhere', 'zone'))).toBe('zone');
  });

  it('spells a zone the canonical way', () => {
    expect(requireTimezone(' europe/paris ')).toBe('Europe/Paris');
  });
});
