import { ParticipantKind } from '@accord/common';
import { MeetingEntity, MeetingsService } from '@accord/meetings';
import * as nodeIcal from 'node-ical';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { createTestMeeting, errorOf, MEETING_FIELDS, ok } from '../support/meeting-factory';

const INJECTION =
  '\r\nBEGIN:VEVENT\r\nUID:injected@evil\r\nDTSTART:20260701T090000Z\r\nSUMMARY:Injected\r\nEND:VEVENT\r\nX-INJECTED:1';

const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const UPDATE_AGENDA = `mutation($id: ID!, $items: [AgendaItemInput!]!) {
  updateAgenda(meetingId: $id, items: $items) { version items { title } }
}`;

/**
 * agenda.ics against hostile text: titles refuse line breaks (at create and update, over
 * GraphQL and for any other caller of the service), and every text that may hold them (notes)
 * or that came in before the rule is escaped, so that a calendar app reads exactly the agenda's
 * events and properties.
 */
describe('exports: agenda.ics cannot be turned against its readers', () => {
  let t: TestApp;
  let w: World;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    meetingId = (
      await createTestMeeting(t, w.secretariat.actor, {
        title: 'Plenary; London, 2026 \\ A',
        hostIds: [w.stateA.id],
        startsAt: new Date('2026-07-01T08:00:00Z'),
        endsAt: new Date('2026-07-01T16:00:00Z'),
      })
    ).id;
  });
  afterAll(() => t.close());

  const input = (overrides: Record<string, unknown>) => ({
    title: 'Plenary',
    city: 'London',
    timezone: 'Europe/London',
    startsAt: '2026-09-01T08:00:00Z',
    endsAt: '2026-09-01T16:00:00Z',
    hostIds: [w.stateA.id],
    ...overrides,
  });

  it.each([
    ['title', { title: `Plenary${INJECTION}` }],
    ['title', { title: 'Plenary\nSecond line' }],
    ['title', { title: 'Plenary\u2028Second line' }],
    ['city', { city: `London${INJECTION}` }],
    ['venue', { venue: `Lancaster House${INJECTION}` }],
  ])('createMeeting refuses a line break in %s with BAD_USER_INPUT naming it', async (field, o) => {
    const res = await t.gql(CREATE, { input: input(o) }, w.secretariat.token);
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('updateMeeting refuses a line break in the title, and changes nothing', async () => {
    const res = await t.gql(
      UPDATE,
      { input: { id: meetingId, title: `Plenary${INJECTION}` } },
      w.secretariat.token,
    );
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    const row = await t.dataSource.getRepository(MeetingEntity).findOneByOrFail({ id: meetingId });
    expect(row.title).toBe('Plenary; London, 2026 \\ A');
  });

  it('refuses it to a caller of the service that does not go through GraphQL', async () => {
    await expect(
      t.get(MeetingsService).create(w.secretariat.actor, {
        ...input({ title: `Plenary${INJECTION}` }),
        startsAt: new Date('2026-09-01T08:00:00Z'),
        endsAt: new Date('2026-09-01T16:00:00Z'),
        previousMeetingId: null,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'title' } });
  });

  it('updateAgenda refuses a line break in an item title, naming the item', async () => {
    const res = await t.gql(
      UPDATE_AGENDA,
      { id: meetingId, items: [{ kind: 'OTHER', title: `Keynote${INJECTION}`, minutes: 30 }] },
      w.secretariat.token,
    );
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.title' });
  });

  it('escapes notes, names, places and stored titles: exactly the agenda’s events, nothing injected', async () => {
    // A participant named with a line break, and a title stored before titles refused them.
    const hostile = await t.dataSource.query(
      `INSERT INTO participants (kind, name) VALUES ($1, $2) RETURNING id`,
      [ParticipantKind.COMPANY, `Evil Corp${INJECTION}`],
    );
    const items = [
      { kind: 'OPENING', title: 'Opening; welcome, all \\ everyone', minutes: 30 },
      {
        kind: 'OTHER',
        title: 'Keynote',
        minutes: 45,
        notes: `Line one${INJECTION}\nBEGIN:VALARM\rTRIGGER:-PT5M\nEND:VALARM`,
        participantIds: [hostile[0].id],
      },
      { kind: 'CLOSING', title: 'Closing', minutes: 15, notes: 'Thanks;\r\nX-CLOSING:1' },
    ];
    const edited = ok(
      await t.gql(UPDATE_AGENDA, { id: meetingId, items }, w.secretariat.token),
    ).updateAgenda;
    await t.dataSource.query(`UPDATE meetings SET title = $1, venue = $2 WHERE id = $3`, [
      `Plenary${INJECTION}`,
      `Hall${INJECTION}`,
      meetingId,
    ]);
    const res = await request(t.http)
      .get(`/meetings/${meetingId}/agenda.ics`)
      .set('authorization', `Bearer ${w.secretariat.token}`);
    expect(res.status).toBe(200);
    const text = res.text;
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(edited.items.length);
    expect(
      lines.filter((l) => /^(UID:injected|X-INJECTED|X-CLOSING|BEGIN:VALARM|TRIGGER)/.test(l)),
    ).toEqual([]);
    // No bare CR or LF: every line break is a CRLF between content lines.
    expect(text).not.toMatch(/[^\r]\n|\r[^\n]/);

    const parsed = Object.values(nodeIcal.sync.parseICS(text));
    const events = parsed.filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(edited.items.length);
    expect(events.map((e) => e.uid)).not.toContain('injected@evil');
    for (const event of events) {
      expect(Object.keys(event).filter((k) => /^x-|alarms|attendee/i.test(k))).toEqual([]);
      expect(event.location).toBe(`Hall${INJECTION.replace(/\r\n/g, '\n')}, London`);
    }
    // Read back as written (a lone CR comes back as a line break).
    const [opening, keynote, closing] = events;
    expect(opening.summary).toBe('1. Opening; welcome, all \\ everyone');
    expect(keynote.description).toBe(
      `Line one${INJECTION}\nBEGIN:VALARM\nTRIGGER:-PT5M\nEND:VALARM\nParticipants: Evil Corp${INJECTION}`.replace(
        /\r\n/g,
        '\n',
      ),
    );
    expect(closing.description).toContain('Thanks;\nX-CLOSING:1');
    // The calendar's name holds the stored title as text, not as properties.
    const calendar = parsed.find((c) => c?.type === 'VCALENDAR') as Record<string, unknown>;
    expect(Object.keys(calendar).filter((k) => /INJECTED|^(uid|summary)$/i.test(k))).toEqual([]);
    expect(calendar.name).toBe(`Agenda: Plenary${INJECTION.replace(/\r\n/g, '\n')}`);
  });
});
