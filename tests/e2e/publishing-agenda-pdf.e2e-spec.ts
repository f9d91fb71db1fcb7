import request from 'supertest';
import { createParticipant, createWorld, World } from '../support/factories';
import { createTestMeeting, MEETING_OPS, ok } from '../support/meeting-factory';
import { pdfPages, pdfText } from '../support/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';

const UPDATE = `mutation($id: ID!, $items: [AgendaItemInput!]!) {
  updateAgenda(meetingId: $id, items: $items) { version items { kind number title startsAt endsAt } }
}`;
const PUBLISH = `mutation($id: ID!) { publishAgenda(meetingId: $id) { version } }`;
const NAMES = ['Việt Nam', 'Türkiye', "Côte d'Ivoire", 'Україна', 'Ελλάδα'];

const hhmm = (iso: string) =>
  new Date(iso).toLocaleTimeString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  });

/** agenda.pdf as a delegate receives it: every script, clean pages, its provisional status. */
describe('publishing: the agenda PDF', () => {
  let t: TestApp;
  let w: World;
  let meetingId: string;
  let items: { kind: string; number: string; title: string; startsAt: string; endsAt: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const hosts = [];
    for (const name of NAMES) hosts.push(await createParticipant(t, w.secretariat.actor, { name }));
    meetingId = (
      await createTestMeeting(t, w.secretariat.actor, {
        title: 'Third Pall Mall Process plenary',
        hostIds: hosts.map((h) => h.id),
        startsAt: new Date('2026-07-01T07:00:00Z'),
        endsAt: new Date('2026-07-02T16:00:00Z'),
      })
    ).id;
    // A long agenda: the opening by the five hosts, then sixty statements.
    const edited = [
      {
        kind: 'OPENING',
        title: 'Opening of the meeting',
        minutes: 20,
        participantIds: hosts.map((h) => h.id),
      },
      ...Array.from({ length: 60 }, (_v, k) => ({
        kind: 'OTHER',
        title: `Statement by delegation ${k + 1} on the implementation of the Code of Practice`,
        minutes: 10,
        notes: k % 4 ? null : 'Three minutes each.\nWritten statements are circulated.',
      })),
    ];
    items = ok(await t.gql(UPDATE, { id: meetingId, items: edited }, w.secretariat.token))
      .updateAgenda.items;
    ok(await t.gql(PUBLISH, { id: meetingId }, w.secretariat.token));
  });
  afterAll(() => t.close());

  const pdf = async () => {
    const res = await request(t.http)
      .get(`/meetings/${meetingId}/agenda.pdf`)
      .buffer(true)
      .responseType('blob');
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };

  it('renders the hosts’ names in their own scripts', async () => {
    const text = await pdfText(await pdf());
    for (const name of NAMES) expect(text).toContain(name);
  });

  it('numbers its pages and never parts an item’s time from its title', async () => {
    // Lines joined: a long title wraps.
    const pages = (await pdfPages(await pdf())).map((p) => p.replace(/\s+/g, ' '));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, k) => expect(page).toContain(`Page ${k + 1} of ${pages.length}`));
    for (const item of items.filter((i) => i.kind === 'OTHER')) {
      const holding = pages.filter((p) => p.includes(`${item.number}. ${item.title}`));
      expect(holding).toHaveLength(1);
      expect(holding[0]).toContain(`${hhmm(item.startsAt)}–${hhmm(item.endsAt)}`);
    }
  });

  it('says "Provisional agenda" until the meeting is concluded', async () => {
    expect(await pdfText(await pdf())).toContain('PROVISIONAL AGENDA');
    ok(
      await t.gql(
        MEETING_OPS.setStatus,
        { id: meetingId, status: 'CONFIRMED' },
        w.secretariat.token,
      ),
    );
    expect(await pdfText(await pdf())).toContain('PROVISIONAL AGENDA');
    ok(
      await t.gql(
        MEETING_OPS.setStatus,
        { id: meetingId, status: 'CONCLUDED' },
        w.secretariat.token,
      ),
    );
    const text = await pdfText(await pdf());
    expect(text).not.toMatch(/provisional/i);
    expect(text).toContain('AGENDA');
  });
});
