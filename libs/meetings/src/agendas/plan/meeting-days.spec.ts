import { meetingDays, sessionsOf } from './meeting-days';

const local = (d: { toFormat(f: string): string }) => d.toFormat('yyyy-MM-dd HH:mm');

describe(meetingDays.name, () => {
  it('gives a one-day meeting its hours and the three standard breaks inside them', () => {
    const [day, ...rest] = meetingDays({
      timezone: 'Europe/Paris',
      startsAt: new Date('2025-04-03T07:30:00Z'),
      endsAt: new Date('2025-04-03T15:30:00Z'),
    });
    expect(rest).toHaveLength(0);
    expect([local(day.start), local(day.end)]).toEqual(['2025-04-03 09:30', '2025-04-03 17:30']);
    expect(day.breaks.map((b) => `${b.title} ${b.start.toFormat('HH:mm')}`)).toEqual([
      'Coffee break 10:30',
      'Lunch 12:30',
      'Coffee break 15:30',
    ]);
  });

  it('keeps only the breaks that lie wholly inside a short day', () => {
    const [day] = meetingDays({
      timezone: 'Asia/Singapore',
      startsAt: new Date('2025-10-21T01:00:00Z'), // 09:00 local
      endsAt: new Date('2025-10-21T04:40:00Z'), // 12:40 local: lunch would overrun
    });
    expect(day.breaks.map((b) => b.start.toFormat('HH:mm'))).toEqual(['10:30']);
  });

  it('runs each day of a multi-day meeting from the start time of day to the end time of day', () => {
    const days = meetingDays({
      timezone: 'Europe/London',
      startsAt: new Date('2024-02-06T09:00:00Z'),
      endsAt: new Date('2024-02-07T17:00:00Z'),
    });
    expect(days.map((d) => `${local(d.start)}–${d.end.toFormat('HH:mm')}`)).toEqual([
      '2024-02-06 09:00–17:00',
      '2024-02-07 09:00–17:00',
    ]);
  });

  it('keeps local wall-clock hours across the spring DST change in London (2026-03-29)', () => {
    const days = meetingDays({
      timezone: 'Europe/London',
      startsAt: new Date('2026-03-28T09:00:00Z'), // 09:00 GMT
      endsAt: new Date('2026-03-29T16:00:00Z'), // 17:00 BST
    });
    expect(days.map((d) => d.start.toUTC().toISO())).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
    ]);
    expect(days[1].breaks[1].start.toUTC().toISO()).toBe('2026-03-29T11:30:00.000Z');
  });

  it('keeps local wall-clock hours across the autumn DST change in Paris (2026-10-25)', () => {
    const days = meetingDays({
      timezone: 'Europe/Paris',
      startsAt: new Date('2026-10-24T07:00:00Z'), // 09:00 CEST
      endsAt: new Date('2026-10-25T16:00:00Z'), // 17:00 CET
    });
    expect(days.map((d) => `${d.start.toUTC().toISO()} ${d.start.toFormat('HH:mm')}`)).toEqual([
      '2026-10-24T07:00:00.000Z 09:00',
      '2026-10-25T08:00:00.000Z 09:00',
    ]);
  });

  it('uses 09:00–18:00 for days between when the end time of day is not after the start’s', () => {
    const days = meetingDays({
      timezone: 'Europe/London',
      startsAt: new Date('2026-06-01T13:00:00Z'), // Monday 14:00 BST
      endsAt: new Date('2026-06-03T11:00:00Z'), // Wednesday 12:00 BST
    });
    expect(days.map((d) => `${local(d.start)}–${d.end.toFormat('HH:mm')}`)).toEqual([
      '2026-06-01 14:00–18:00',
      '2026-06-02 09:00–18:00',
      '2026-06-03 09:00–12:00',
    ]);
  });

  it('splits a day into sessions around its breaks', () => {
    const [day] = meetingDays({
      timezone: 'Europe/London',
      startsAt: new Date('2026-07-01T08:00:00Z'),
      endsAt: new Date('2026-07-01T16:00:00Z'),
    });
    expect(
      sessionsOf(day).map((s) => `${s.start.toFormat('HH:mm')}-${s.end.toFormat('HH:mm')}`),
    ).toEqual(['09:00-10:30', '10:45-12:30', '13:30-15:30', '15:45-17:00']);
  });
});
