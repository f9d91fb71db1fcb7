import { ParticipantKind } from '@accord/common';
import * as nodeIcal from 'node-ical';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  createDraftInNegotiation,
  createOpenForSignature,
  createTestMeeting,
  MEETING_OPS,
  ok,
} from '../support/meeting-factory';
import { pdfText } from '../support/pdf-text';

const GENERATE = `mutation($id: ID!) { generateAgenda(meetingId: $id) { version } }`;
const PUBLISH = `mutation($id: ID!) { publishAgenda(meetingId: $id) { version publishedAt } }`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda {
  version markdown icalendar items { number kind title startsAt endsAt }
} } }`;

describe('meetings: agenda renderings over REST and GraphQL', () => {
  let t: TestApp;
  let w: World;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const meeting = await createTestMeeting(t, w.secretariat.actor, {
      title: 'Second Pall Mall Process Conference',
      city: 'Paris',
      venue: 'Quai d’Orsay',
      timezone: 'Europe/Paris',
      hostIds: [w.stateB.id, w.stateA.id],
      // Sunday 29 March 2026, the day Paris moves to summer time: 09:30–17:30 CEST.
      startsAt: new Date('2026-03-29T07:30:00Z'),
      endsAt: new Date('2026-03-29T15:30:00Z'),
    });
    meetingId = meeting.id;
    ok(
      await t.gql(
        MEETING_OPS.invite,
        { id: meetingId, ids: [w.stateA.id, w.stateB.id, w.company.id] },
        w.secretariat.token,
      ),
    );
    await createDraftInNegotiation(t, {
      title: 'Code of Practice for States',
      eligibleKinds: [ParticipantKind.STATE],
      proposedById: w.headA.id,
      clauses: [{ text: 'States shall [publish] their policies.', amendmentsBy: [w.stateB.id] }],
    });
    await createOpenForSignature(t, {
      title: 'Pall Mall Declaration',
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
      signedBy: [w.stateB.id],
    });
    ok(await t.gql(GENERATE, { id: meetingId }, w.secretariat.token));
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => {
    const req = request(t.http).get(path).buffer(true).responseType('blob');
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const path = (format: string, id = meetingId) => `/meetings/${id}/agenda.${format}`;

  it('answers 404 before publication, except to the secretariat with its token', async () => {
    for (const format of ['ics', 'md', 'pdf']) {
      expect((await get(path(format))).status).toBe(404);
      expect((await get(path(format), w.headA.token)).status).toBe(404);
      const draft = await get(path(format), w.secretariat.token);
      expect(draft.status).toBe(200);
    }
    const md = await get(path('md'), w.secretariat.token);
    expect(md.body.toString()).toContain('Version 1, draft (not published).');
  });

  it('answers 404 for an unknown meeting id, 400 naming the parameter for a malformed one', async () => {
    const unknown = await get(path('ics', randomUUID()), w.secretariat.token);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString())).toMatchObject({ code: 'NOT_FOUND' });
    for (const id of ['not-a-meeting', '1']) {
      const res = await get(path('ics', id), w.secretariat.token);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body.toString())).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
    }
  });

  describe('once published', () => {
    beforeAll(async () => {
      ok(await t.gql(PUBLISH, { id: meetingId }, w.secretariat.token));
    });

    it('serves an iCalendar that a parser reads back with the meeting’s TZID and the agenda’s times', async () => {
      const res = await get(path('ics'));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = res.body.toString();
      expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
      const { items: all } = ok(await t.gql(AGENDA, { id: meetingId })).meeting.agenda;
      // Breaks are told in the item before them, not as events of their own.
      const items = all.filter((i: { kind: string }) => i.kind !== 'BREAK');
      const events = Object.values(nodeIcal.sync.parseICS(text)).filter(
        (c): c is nodeIcal.VEvent => c?.type === 'VEVENT',
      );
      expect(events).toHaveLength(items.length);
      events.forEach((event, k) => {
        expect((event.start as Date & { tz?: string }).tz).toBe('Europe/Paris');
        expect(event.start.toISOString()).toBe(items[k].startsAt);
        expect(event.end!.toISOString()).toBe(items[k].endsAt);
      });
      expect(events[0].summary).toBe('1. Opening of the meeting');
      expect(events[0].start.toISOString()).toBe('2026-03-29T07:30:00.000Z'); // 09:30 CEST
      expect(text).toMatch(/DTSTART;TZID=Europe\/Paris:20260329T093000/);
      expect(events[0].location).toBe('Quai d’Orsay, Paris');
    });

    it('serves Markdown and a PDF whose text holds the agenda', async () => {
      const md = await get(path('md'));
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
      const markdown = md.body.toString();
      expect(markdown).toContain('# Agenda: Second Pall Mall Process Conference');
      expect(markdown).toContain('## Sunday 29 March 2026');
      expect(markdown).toContain('- **09:30–09:50 1. Opening of the meeting**');
      // Those expected to sign are listed by name.
      expect(markdown).toContain(`Expected to sign: ${w.company.name}, ${w.stateA.name}`);

      const pdf = await get(path('pdf'));
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="agenda-.*\.pdf"$/);
      const text = await pdfText(pdf.body);
      expect(text).toContain('Agenda: Second Pall Mall Process Conference');
      expect(text).toContain('Sunday 29 March 2026');
      expect(text).toContain('09:30–09:50');
      expect(text).toContain('Consideration of Code of Practice for States');
      expect(text).toContain('Signature of Pall Mall Declaration');
    });

    it('renders the same text over GraphQL as over REST', async () => {
      const agenda = ok(await t.gql(AGENDA, { id: meetingId })).meeting.agenda;
      expect(agenda.markdown).toBe((await get(path('md'))).body.toString());
      expect(agenda.icalendar).toBe((await get(path('ics'))).body.toString());
    });

    it('keeps serving the published version to the public after a newer draft, and the draft to the secretariat', async () => {
      ok(await t.gql(GENERATE, { id: meetingId }, w.secretariat.token));
      expect((await get(path('md'))).body.toString()).toContain('Version 1, published');
      expect((await get(path('md'), 'not-a-valid-token')).status).toBe(200);
      expect((await get(path('md'), w.secretariat.token)).body.toString()).toContain(
        'Version 2, draft (not published).',
      );
    });
  });
});
