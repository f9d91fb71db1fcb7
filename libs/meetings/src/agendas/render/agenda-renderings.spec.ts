import { AgendaItemKind, MeetingStatus, ParticipantKind } from '@accord/common';
import * as nodeIcal from 'node-ical';
import { pdfPages, pdfText } from '../../../../../tests/support/pdf-text';
import type { StoredAgendaItem } from '../agenda.entity';
import { buildAgenda } from '../plan/agenda-builder';
import { renderAgendaICalendar } from './agenda-icalendar';
import { renderAgendaMarkdown } from './agenda-markdown';
import { renderAgendaPdf } from './agenda-pdf';
import { scheduleAgenda } from '../plan/agenda-scheduler';
import { AgendaView } from './agenda-view';
import { localTime } from '../plan/local-time';

const UK = { id: 'uk', name: 'United Kingdom', kind: ParticipantKind.STATE };
const MX = { id: 'mx', name: 'Mexico', kind: ParticipantKind.STATE };

/** Two days in London across the spring DST change, with a review and a signing. */
function view(overrides: Partial<AgendaView> = {}): AgendaView {
  const meeting = {
    id: 'meeting-1',
    title: 'Fourth Pall Mall Process meeting',
    city: 'London',
    venue: 'Lancaster House',
    timezone: 'Europe/London',
    startsAt: new Date('2026-03-28T09:00:00Z'),
    endsAt: new Date('2026-03-29T16:00:00Z'),
    status: MeetingStatus.PLANNED,
  };
  const plan = buildAgenda({
    hosts: [UK],
    invited: [UK, MX],
    actionItems: [{ title: 'Report on *export* controls', owner: MX }],
    negotiation: [
      { id: 'doc', title: 'Code of Practice for Industry', eligibleKinds: [ParticipantKind.STATE] },
    ],
    // Clause 2, then twelve more, so that the work runs into the second day.
    openWork: [2, ...Array.from({ length: 12 }, (_v, k) => k + 3)].map((n) => ({
      documentId: 'doc',
      clauseId: `c${n}`,
      number: String(n),
      position: n,
      openAmendments: 1,
      openBrackets: 2,
    })),
    openForSignature: [
      { id: 'decl', title: 'Declaration', eligibleKinds: [ParticipantKind.STATE] },
    ],
    signatories: new Map([['decl', new Set(['uk'])]]),
    nextMeeting: null,
  });
  const { items, warnings } = scheduleAgenda(plan, meeting);
  return {
    meeting,
    version: 3,
    createdAt: new Date('2026-02-01T10:00:00Z'),
    publishedAt: null,
    items: items.map((item, k) => ({ ...item, key: `key-${k + 1}` })),
    removedItems: [],
    warnings,
    participantNames: new Map([
      ['uk', UK.name],
      ['mx', MX.name],
    ]),
    ...overrides,
  };
}

describe(renderAgendaMarkdown.name, () => {
  it('lists the items by day with local times, sub-items indented, participants named and text escaped', () => {
    const markdown = renderAgendaMarkdown(view());
    expect(markdown).toContain('# Agenda: Fourth Pall Mall Process meeting');
    expect(markdown).toContain(
      'Lancaster House, London · Saturday 28 March 2026 to Sunday 29 March 2026',
    );
    expect(markdown).toContain('Version 3, draft (not published).');
    expect(markdown).toContain('## Saturday 28 March 2026');
    expect(markdown).toContain('- **09:00–09:10 1. Opening of the meeting**');
    expect(markdown).toContain('  Hosts: United Kingdom');
    expect(markdown).toMatch(/\n {2}- \*\*\d\d:\d\d–\d\d:\d\d 4\.1\. Clause 2\*\*/);
    // A notes line that looks like a list item stays text.
    expect(markdown).toContain('  \\- Report on \\*export\\* controls (Mexico)');
    expect(markdown).toContain('Expected to sign: Mexico');
    expect(markdown).not.toContain('Scheduling notes');
  });

  it('says when it was published and adds the scheduling notes', () => {
    const markdown = renderAgendaMarkdown(
      view({
        publishedAt: new Date('2026-03-01T12:00:00Z'),
        warnings: ['Cut for lack of time: Clause 9'],
      }),
    );
    expect(markdown).toContain('Version 3, published 1 March 2026.');
    expect(markdown).toContain('## Scheduling notes\n\n- Cut for lack of time: Clause 9');
  });
});

describe(renderAgendaICalendar.name, () => {
  it('makes one event per item but breaks, with the meeting’s TZID, a VTIMEZONE, and the right instants across DST', () => {
    const v = view();
    const items = v.items.filter((i) => i.kind !== AgendaItemKind.BREAK);
    const text = renderAgendaICalendar(v);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    expect(text).toMatch(/DTSTART;TZID=Europe\/London:20260328T090000/);
    expect(text).toMatch(/DTSTAMP:20260201T100000Z/);
    const events = Object.values(nodeIcal.sync.parseICS(text)).filter(
      (c): c is nodeIcal.VEvent => c?.type === 'VEVENT',
    );
    expect(events).toHaveLength(items.length);
    events.forEach((event, k) => {
      expect((event.start as Date & { tz?: string }).tz).toBe('Europe/London');
      expect(event.start.toISOString()).toBe(items[k].startsAt);
      expect(event.end!.toISOString()).toBe(items[k].endsAt);
      expect(event.uid).toBe(`meeting-1-${items[k].key}@accord`);
      expect(Number(event.sequence)).toBe(3);
    });
    const secondDay = events.find((e) => e.start.toISOString().startsWith('2026-03-29'))!;
    expect(secondDay.start.toISOString()).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
    const opening = events.find((e) => e.summary === '1. Opening of the meeting')!;
    expect(opening.location).toBe('Lancaster House, London');
    expect(opening.description).toContain('Hosts: United Kingdom');
    // Lunch is no event: the item before it says it is followed by lunch.
    expect(events.some((e) => e.summary === 'Lunch')).toBe(false);
    expect(
      events.some((e) => /Followed by: Lunch, \d\d:\d\d–\d\d:\d\d/.test(String(e.description))),
    ).toBe(true);
  });

  it('publishes an item a later version dropped as a cancelled event under its UID', () => {
    const base = view();
    const [dropped, ...rest] = base.items.filter((i) => i.kind !== AgendaItemKind.BREAK);
    const text = renderAgendaICalendar({ ...base, items: rest, removedItems: [dropped] });
    const events = Object.values(nodeIcal.sync.parseICS(text)).filter(
      (c): c is nodeIcal.VEvent => c?.type === 'VEVENT',
    );
    const cancelled = events.filter((e) => e.status === 'CANCELLED');
    expect(cancelled.map((e) => e.uid)).toEqual([`meeting-1-${dropped.key}@accord`]);
    expect(Number(cancelled[0].sequence)).toBe(3);
  });

  it('escapes every text: line breaks, ; , and \\ in titles, notes, places and names inject nothing', () => {
    const inject = '\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected\r\nEND:VEVENT\r\nX-EVIL:1';
    const base = view();
    const hostile: AgendaView = {
      ...base,
      // As stored before titles refused line breaks, or written by a non-GraphQL caller.
      meeting: {
        ...base.meeting,
        title: `Plenary${inject}`,
        city: `London${inject}`,
        venue: 'House; Hall, Room \\1\nX-VENUE:1',
      },
      items: base.items.map((item) => ({
        ...item,
        title: `${item.title}${inject}`,
        notes: `${item.notes ?? ''}\nBEGIN:VALARM\rX-NOTE:1${inject}`,
      })),
      participantNames: new Map([
        ['uk', `United Kingdom${inject}`],
        ['mx', 'Mexico\nATTENDEE:mailto:evil@example.org'],
      ]),
    };
    const text = renderAgendaICalendar(hostile);
    const lines = text.split('\r\n');
    // Only the calendar's own structure starts a line: no injected property or component.
    const events0 = base.items.filter((i) => i.kind !== AgendaItemKind.BREAK);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(events0.length);
    expect(
      lines.filter((l) => /^(UID:evil|X-EVIL|X-VENUE|X-NOTE|ATTENDEE|BEGIN:VALARM)/.test(l)),
    ).toEqual([]);
    expect(text).not.toMatch(/[^\r]\n|\r[^\n]/);
    const parsed = Object.values(nodeIcal.sync.parseICS(text));
    const events = parsed.filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(events0.length);
    expect(events.map((e) => e.uid)).not.toContain('evil');
    for (const event of events) {
      expect(Object.keys(event).filter((k) => /^x-|attendee|alarms/i.test(k))).toEqual([]);
    }
    const opening = events.find((e) => String(e.summary).startsWith('1. Opening'))!;
    // The text reads back exactly as written (ical-generator writes a lone CR as a line break).
    expect(opening.summary).toBe(`1. Opening of the meeting${inject.replace(/\r\n/g, '\n')}`);
    expect(opening.location).toBe(
      'House; Hall, Room \\1\nX-VENUE:1, ' + `London${inject}`.replace(/\r\n/g, '\n'),
    );
    expect(text).toContain('X-WR-CALNAME:Agenda: Plenary\\nBEGIN:VEVENT\\nUID:evil');
  });

  it('uses the canonical TZID for a zone alias', () => {
    const base = view();
    const text = renderAgendaICalendar({ ...base, meeting: { ...base.meeting, timezone: 'GB' } });
    expect(text).toContain('DTSTART;TZID=Europe/London:');
    expect(text).not.toContain('TZID=GB');
  });
});

describe(renderAgendaPdf.name, () => {
  it('renders a PDF whose text holds the title, the days, the items and their local times', async () => {
    const v = view({ warnings: ['Compressed the clause discussions'] });
    const data = await renderAgendaPdf(v);
    expect(data.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(data);
    expect(text).toContain('Agenda: Fourth Pall Mall Process meeting');
    expect(text).toContain('Lancaster House, London · 28 March 2026 to 29 March 2026');
    expect(text).toContain('Saturday 28 March 2026');
    expect(text).toContain('Sunday 29 March 2026');
    expect(text).toContain('1. Opening of the meeting');
    expect(text).toContain('09:00–09:10');
    expect(text).toContain('Expected to sign: Mexico');
    expect(text).toContain('Compressed the clause discussions');
    expect(v.items.some((i) => i.kind === AgendaItemKind.BREAK)).toBe(true);
    expect(text).toContain('Coffee break');
  });
});

describe(`${renderAgendaPdf.name}: scripts, pages and status`, () => {
  const NAMES = ['Việt Nam', 'Türkiye', "Côte d'Ivoire", 'Україна', 'Ελλάδα'];

  it('renders names in any script with the embedded font', async () => {
    const base = view();
    const names = new Map(NAMES.map((name, k) => [`p${k}`, name]));
    const items = base.items.map((item) =>
      item.kind === AgendaItemKind.OPENING ? { ...item, participantIds: [...names.keys()] } : item,
    );
    const text = await pdfText(await renderAgendaPdf({ ...base, items, participantNames: names }));
    for (const name of NAMES) expect(text).toContain(name);
  });

  it('breaks a long agenda into numbered pages, never parting an item’s time from its title', async () => {
    const base = view();
    const start = Date.parse('2026-03-28T08:00:00Z');
    const items: StoredAgendaItem[] = Array.from({ length: 90 }, (_v, k) => ({
      key: `k${k}`,
      number: String(k + 1),
      kind: AgendaItemKind.OTHER,
      title: `Statement by delegation number ${k + 1} on the implementation of the Code of Practice`,
      startsAt: new Date(start + k * 5 * 60_000).toISOString(),
      endsAt: new Date(start + (k + 1) * 5 * 60_000).toISOString(),
      documentId: null,
      clauseIds: [],
      participantIds: [],
      notes: k % 3 ? null : 'Interventions limited to three minutes.\nWritten statements welcome.',
    }));
    const pages = await pdfPages(await renderAgendaPdf({ ...base, items }));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, k) => expect(page).toContain(`Page ${k + 1} of ${pages.length}`));
    items.forEach((item, k) => {
      const holding = pages.filter((p) =>
        p.includes(`${k + 1}. Statement by delegation number ${k + 1} `),
      );
      expect(holding).toHaveLength(1);
      const time = `${localTime(item.startsAt, 'Europe/London').toFormat('HH:mm')}–${localTime(item.endsAt, 'Europe/London').toFormat('HH:mm')}`;
      expect(holding[0]).toContain(time);
    });
  });

  it('says "Provisional agenda" until the meeting has concluded', async () => {
    const base = view();
    for (const status of [MeetingStatus.PLANNED, MeetingStatus.CONFIRMED]) {
      const text = await pdfText(
        await renderAgendaPdf({ ...base, meeting: { ...base.meeting, status } }),
      );
      expect(text).toContain('PROVISIONAL AGENDA');
    }
    const concluded = await pdfText(
      await renderAgendaPdf({
        ...base,
        meeting: { ...base.meeting, status: MeetingStatus.CONCLUDED },
      }),
    );
    expect(concluded).not.toMatch(/provisional/i);
    expect(renderAgendaMarkdown(base)).toContain('**Provisional agenda**');
  });
});
