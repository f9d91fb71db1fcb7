import { AgendaItemKind, ParticipantKind } from '@accord/common';
import { DateTime } from 'luxon';
import { buildAgenda, MIN_CLAUSE_MINUTES, ProcessState } from './agenda-builder';
import { layoutAsGiven, scheduleAgenda } from './agenda-scheduler';
import { meetingDays, MeetingTimes } from './meeting-days';

const STATE = { id: 'st', name: 'State', kind: ParticipantKind.STATE };

function plan(clauses: [number, number][]) {
  const state: ProcessState = {
    hosts: [STATE],
    invited: [STATE],
    actionItems: [],
    negotiation: [{ id: 'doc', title: 'Draft', eligibleKinds: [ParticipantKind.STATE] }],
    openWork: clauses.map(([a, b], k) => ({
      documentId: 'doc',
      clauseId: `c${k + 1}`,
      number: String(k + 1),
      position: k + 1,
      openAmendments: a,
      openBrackets: b,
    })),
    openForSignature: [],
    signatories: new Map(),
    nextMeeting: null,
  };
  return buildAgenda(state);
}

const london = (start: string, end: string): MeetingTimes => ({
  timezone: 'Europe/London',
  startsAt: new Date(start),
  endsAt: new Date(end),
});
const local = (iso: string, zone = 'Europe/London') =>
  DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
const minutes = (i: { startsAt: string; endsAt: string }) =>
  (Date.parse(i.endsAt) - Date.parse(i.startsAt)) / 60_000;

/** Items in order, none overlapping, each inside one of the meeting's days. */
function expectWellFormed(items: { startsAt: string; endsAt: string }[], meeting: MeetingTimes) {
  const days = meetingDays(meeting);
  items.forEach((item, k) => {
    expect(Date.parse(item.endsAt)).toBeGreaterThan(Date.parse(item.startsAt));
    if (k > 0)
      expect(Date.parse(item.startsAt)).toBeGreaterThanOrEqual(Date.parse(items[k - 1].endsAt));
    const start = DateTime.fromISO(item.startsAt);
    const end = DateTime.fromISO(item.endsAt);
    expect(days.some((d) => start >= d.start && end <= d.end)).toBe(true);
  });
}

describe(scheduleAgenda.name, () => {
  const fullDay = london('2026-07-01T08:00:00Z', '2026-07-01T16:00:00Z'); // 09:00–17:00 BST

  it('fits a small agenda in a day with no warning, numbering sub-items and leaving breaks unnumbered', () => {
    const { items, warnings } = scheduleAgenda(
      plan([
        [1, 1],
        [0, 2],
        [3, 0],
      ]),
      fullDay,
    );
    expect(warnings).toEqual([]);
    expectWellFormed(items, fullDay);
    expect(
      items.map((i) => `${i.number}|${i.kind}|${local(i.startsAt)}-${local(i.endsAt)}`),
    ).toEqual([
      '1|OPENING|09:00-09:10',
      '2|ADOPTION_OF_AGENDA|09:10-09:15',
      '3|DOCUMENT_REVIEW|09:15-09:30',
      '3.1|DOCUMENT_REVIEW|09:30-09:50',
      '3.2|DOCUMENT_REVIEW|09:50-10:10',
      '|BREAK|10:30-10:45',
      '3.3|DOCUMENT_REVIEW|10:45-11:15',
      '4|AOB|11:15-11:30',
      '5|NEXT_MEETING|11:30-11:40',
      '6|CLOSING|11:40-11:55',
    ]);
    expect(items.filter((i) => i.kind === AgendaItemKind.BREAK).map((i) => i.title)).toEqual([
      'Coffee break',
    ]);
  });

  it('compresses clause discussions proportionally when the work does not fit, and says so', () => {
    // 20 clauses × 40 min = 800 min of work in a 7-hour day of sessions.
    const { items, warnings } = scheduleAgenda(plan(Array(20).fill([2, 2])), fullDay);
    expectWellFormed(items, fullDay);
    expect(items.filter((i) => i.number.includes('.'))).toHaveLength(20);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Compressed the clause discussions to \d+ minutes in all \(their open work calls for 800/,
    );
    const clauseMinutes = items.filter((i) => i.number.includes('.')).map(minutes);
    expect(new Set(clauseMinutes).size).toBe(1);
    expect(clauseMinutes[0]).toBeLessThan(40);
    expect(clauseMinutes[0]).toBeGreaterThanOrEqual(MIN_CLAUSE_MINUTES);
  });

  it('cuts the sub-items with the least open work when even the minimum does not fit, naming them', () => {
    const short = london('2026-07-01T08:00:00Z', '2026-07-01T09:00:00Z'); // 09:00–10:00
    // Fixed: 10 + 5 + 15 + 15 + 10 + 15 = 70 min > 60 min: all clauses must go, and more.
    const twoHours = london('2026-07-01T08:00:00Z', '2026-07-01T09:20:00Z'); // 09:00–10:20
    const { items, warnings } = scheduleAgenda(
      plan([
        [3, 0],
        [0, 1],
        [1, 1],
        [0, 1],
      ]),
      twoHours,
    );
    expectWellFormed(items, twoHours);
    // 80 min: fixed 70 + 2 clause sub-items at 5 min; the lightest (1 unit) go, the later first.
    expect(items.filter((i) => i.number.includes('.')).map((i) => i.title)).toEqual([
      'Clause 1',
      'Clause 3',
    ]);
    expect(items.filter((i) => i.number.includes('.')).map((i) => i.number)).toEqual([
      '3.1',
      '3.2',
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^Compressed the clause discussions to 10 minutes/),
      'Cut for lack of time: Clause 4 of Draft (0 open amendments, 1 bracketed passage)',
      'Cut for lack of time: Clause 2 of Draft (0 open amendments, 1 bracketed passage)',
    ]);
    const tight = scheduleAgenda(plan([[1, 0]]), short);
    expectWellFormed(tight.items, short);
    expect(tight.warnings).toContain(
      'Cut for lack of time: Clause 1 of Draft (1 open amendment, 0 bracketed passages)',
    );
    expect(tight.warnings.at(-1)).toMatch(/^Shortened items below the time they call for/);
  });

  it('drops whole items, any other business first, when even shortened items overrun', () => {
    const quarter = london('2026-07-01T08:00:00Z', '2026-07-01T08:15:00Z'); // 15 minutes
    const { items, warnings } = scheduleAgenda(plan([]), quarter);
    expectWellFormed(items, quarter);
    expect(items.map((i) => i.kind)).toEqual(
      ['OPENING', 'ADOPTION_OF_AGENDA', 'CLOSING'].map((k) => k as AgendaItemKind),
    );
    expect(warnings).toEqual([
      'Dropped for lack of time: Any other business',
      'Dropped for lack of time: Date and venue of the next meeting',
      'Dropped for lack of time: Consideration of Draft',
      expect.stringMatching(/^Shortened items/),
    ]);
    expect(
      scheduleAgenda(plan([]), london('2026-07-01T08:00:00Z', '2026-07-01T08:03:00Z')),
    ).toEqual({
      items: [],
      warnings: ['The meeting is too short for any agenda item'],
    });
  });

  it('spreads a multi-day meeting over its days, with lunch, and never past a day’s end', () => {
    const twoDays = london('2026-07-01T08:00:00Z', '2026-07-02T16:00:00Z');
    const { items, warnings } = scheduleAgenda(plan(Array(12).fill([3, 1])), twoDays); // 12 × 40 min
    expect(warnings).toEqual([]);
    expectWellFormed(items, twoDays);
    const dates = new Set(
      items.map((i) => DateTime.fromISO(i.startsAt, { zone: 'Europe/London' }).toISODate()),
    );
    expect([...dates]).toEqual(['2026-07-01', '2026-07-02']);
    const lunches = items.filter((i) => i.title === 'Lunch');
    expect(lunches.map((i) => i.startsAt)).toEqual([
      '2026-07-01T11:30:00.000Z',
      '2026-07-02T11:30:00.000Z',
    ]);
    expect(local(lunches[1].startsAt)).toBe('12:30');
    expect(items.at(-1)!.kind).toBe(AgendaItemKind.CLOSING);
  });

  it('lays times in the meeting’s own zone across the DST change (Europe/London, 2026-03-29)', () => {
    const weekend = london('2026-03-28T09:00:00Z', '2026-03-29T16:00:00Z'); // 09:00 GMT → 17:00 BST
    const { items } = scheduleAgenda(plan(Array(14).fill([3, 1])), weekend);
    expectWellFormed(items, weekend);
    const dayTwo = items.filter((i) => i.startsAt.startsWith('2026-03-29'));
    expect(dayTwo[0].startsAt).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
    expect(local(dayTwo[0].startsAt)).toBe('09:00');
    const lunches = items.filter((i) => i.title === 'Lunch');
    expect(lunches.map((i) => i.startsAt)).toEqual([
      '2026-03-28T12:30:00.000Z',
      '2026-03-29T11:30:00.000Z',
    ]);
  });

  it('lays times in Europe/Paris across its spring DST change too', () => {
    const paris = {
      timezone: 'Europe/Paris',
      startsAt: new Date('2026-03-28T08:00:00Z'),
      endsAt: new Date('2026-03-29T15:00:00Z'),
    };
    const { items } = scheduleAgenda(plan(Array(14).fill([3, 1])), paris);
    expectWellFormed(items, paris);
    expect(items[0].startsAt).toBe('2026-03-28T08:00:00.000Z'); // 09:00 CET
    expect(items.find((i) => i.startsAt.startsWith('2026-03-29'))!.startsAt).toBe(
      '2026-03-29T07:00:00.000Z',
    ); // 09:00 CEST
  });
});

describe(layoutAsGiven.name, () => {
  it('keeps the given lengths or returns null when they do not fit', () => {
    const meeting = london('2026-07-01T08:00:00Z', '2026-07-01T09:00:00Z');
    const items = plan([]).slice(0, 2);
    expect(layoutAsGiven(items, meeting)!.map((i) => local(i.startsAt))).toEqual([
      '09:00',
      '09:10',
    ]);
    expect(layoutAsGiven([{ ...items[0], minutes: 61 }], meeting)).toBeNull();
  });
});
