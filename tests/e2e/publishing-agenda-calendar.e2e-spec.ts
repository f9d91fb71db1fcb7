import * as nodeIcal from 'node-ical';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { createTestMeeting, errorOf, ok } from '../support/meeting-factory';

const GENERATE = `mutation($id: ID!) { generateAgenda(meetingId: $id) { version items { key kind title } } }`;
const UPDATE = `mutation($id: ID!, $items: [AgendaItemInput!]!) {
  updateAgenda(meetingId: $id, items: $items) { version items { key kind title } }
}`;
const PUBLISH = `mutation($id: ID!) { publishAgenda(meetingId: $id) { version } }`;
const LATEST = `query($id: ID!) { meeting(id: $id) { agenda { version items { key kind title } } } }`;

type Event = nodeIcal.VEvent & { sequence?: string };

/**
 * agenda.ics across versions: a calendar that imported one version and then imports the next
 * updates the same events (same UID, higher SEQUENCE), sees dropped items as cancelled, and
 * never gets breaks as events.
 */
describe('publishing: agenda calendar events follow the agenda’s versions', () => {
  let t: TestApp;
  let w: World;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    meetingId = (
      await createTestMeeting(t, w.secretariat.actor, {
        title: 'Plenary',
        hostIds: [w.stateA.id],
        startsAt: new Date('2026-07-01T08:00:00Z'),
        endsAt: new Date('2026-07-01T16:00:00Z'),
      })
    ).id;
  });
  afterAll(() => t.close());

  const events = async (token?: string): Promise<Event[]> => {
    const req = request(t.http).get(`/meetings/${meetingId}/agenda.ics`);
    const res = await (token ? req.set('authorization', `Bearer ${token}`) : req);
    expect(res.status).toBe(200);
    return Object.values(nodeIcal.sync.parseICS(res.text)).filter(
      (c): c is Event => c?.type === 'VEVENT',
    );
  };

  it('keeps each item’s UID across versions, raises SEQUENCE, cancels removed items and makes no break events', async () => {
    const v1 = ok(await t.gql(GENERATE, { id: meetingId }, w.secretariat.token)).generateAgenda;
    ok(await t.gql(PUBLISH, { id: meetingId }, w.secretariat.token));
    const first = await events();
    const titles1 = first.map((e) => String(e.summary));
    expect(first.length).toBe(v1.items.filter((i: { kind: string }) => i.kind !== 'BREAK').length);
    expect(titles1.some((s) => /break|lunch/i.test(s))).toBe(false);
    expect(first.every((e) => Number(e.sequence) === 1)).toBe(true);
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);

    // Version 2: AOB dropped, a free item added, the closing renamed; sent back without keys
    // except for the closing (whose title changes, so only its key says it is the same item).
    const kept = v1.items.filter((i: { kind: string }) => !['BREAK', 'AOB'].includes(i.kind));
    const removed = v1.items.find((i: { kind: string }) => i.kind === 'AOB');
    const items = kept.map((i: { key: string; kind: string; title: string }) =>
      i.kind === 'CLOSING'
        ? { key: i.key, kind: i.kind, title: 'Closing remarks by the hosts', minutes: 20 }
        : { kind: i.kind, title: i.title, minutes: 20 },
    );
    items.splice(items.length - 1, 0, { kind: 'OTHER', title: 'Keynote', minutes: 30 });
    ok(await t.gql(UPDATE, { id: meetingId, items }, w.secretariat.token));

    // Before publication the public still reads version 1; the secretariat already version 2.
    expect((await events()).every((e) => Number(e.sequence) === 1)).toBe(true);
    ok(await t.gql(PUBLISH, { id: meetingId }, w.secretariat.token));

    const second = await events();
    const byUid = new Map(second.map((e) => [e.uid, e]));
    expect(second.every((e) => Number(e.sequence) === 2)).toBe(true);
    for (const event of first) expect(byUid.has(event.uid)).toBe(true);
    const closing1 = first.find((e) => /Closing/.test(String(e.summary)))!;
    expect(byUid.get(closing1.uid)!.summary).toMatch(/Closing remarks by the hosts$/);
    expect(byUid.get(closing1.uid)!.status).not.toBe('CANCELLED');
    const aob1 = first.find((e) => /Any other business/i.test(String(e.summary)))!;
    expect(aob1).toBeDefined();
    expect(removed).toBeDefined();
    expect(byUid.get(aob1.uid)!.status).toBe('CANCELLED');
    expect(second.filter((e) => e.status === 'CANCELLED').map((e) => e.uid)).toEqual([aob1.uid]);
    const keynote = second.find((e) => /Keynote/.test(String(e.summary)))!;
    expect(first.map((e) => e.uid)).not.toContain(keynote.uid);
    expect(second.some((e) => /break|lunch/i.test(String(e.summary)))).toBe(false);
  });

  it('never shows the public a cancelled event for an item only a draft had', async () => {
    const latest = ok(await t.gql(LATEST, { id: meetingId }, w.secretariat.token)).meeting.agenda;
    const items = latest.items
      .filter((i: { kind: string }) => i.kind !== 'BREAK')
      .map((i: { key: string; kind: string; title: string }) => ({
        key: i.key,
        kind: i.kind,
        title: i.title,
        minutes: 20,
      }));
    // Draft 3 adds a secret item, draft 4 drops it again; only 4 is published.
    const secret = { kind: 'OTHER', title: 'Private consultations', minutes: 20 };
    ok(
      await t.gql(
        UPDATE,
        { id: meetingId, items: [...items.slice(0, 2), secret, ...items.slice(2)] },
        w.secretariat.token,
      ),
    );
    ok(await t.gql(UPDATE, { id: meetingId, items }, w.secretariat.token));
    expect(
      (await events(w.secretariat.token)).some((e) =>
        /Private consultations/.test(String(e.summary)),
      ),
    ).toBe(true);
    ok(await t.gql(PUBLISH, { id: meetingId }, w.secretariat.token));
    const published = await events();
    expect(published.some((e) => /Private consultations/.test(String(e.summary)))).toBe(false);
    expect(published.every((e) => Number(e.sequence) === 4)).toBe(true);
  });

  it('cancels an item for the public as it was last published, not as a later draft renamed it', async () => {
    const latest = ok(await t.gql(LATEST, { id: meetingId }, w.secretariat.token)).meeting.agenda;
    const items = latest.items
      .filter((i: { kind: string }) => i.kind !== 'BREAK')
      .map((i: { key: string; kind: string; title: string }) => ({
        key: i.key,
        kind: i.kind,
        title: i.title,
        minutes: 20,
      }));
    const keynote = items.find((i: { title: string }) => i.title === 'Keynote');
    expect(keynote).toBeDefined();
    // A draft renames it, the next drops it; only that one is published.
    const renamed = items.map((i: { key: string }) =>
      i.key === keynote.key ? { ...i, title: 'Keynote by the unannounced guest' } : i,
    );
    ok(await t.gql(UPDATE, { id: meetingId, items: renamed }, w.secretariat.token));
    const without = items.filter((i: { key: string }) => i.key !== keynote.key);
    ok(await t.gql(UPDATE, { id: meetingId, items: without }, w.secretariat.token));
    const secretariat = (await events(w.secretariat.token)).find(
      (e) => e.status === 'CANCELLED' && /Keynote/.test(String(e.summary)),
    );
    expect(secretariat!.summary).toMatch(/Keynote by the unannounced guest$/);
    ok(await t.gql(PUBLISH, { id: meetingId }, w.secretariat.token));
    const cancelled = (await events()).filter((e) => e.status === 'CANCELLED');
    const gone = cancelled.find((e) => /Keynote/.test(String(e.summary)))!;
    expect(gone.summary).toMatch(/: \d+\. Keynote$/);
    expect(cancelled.map((e) => String(e.summary)).join()).not.toContain('unannounced');
  });

  it('refuses a key that no version had, and the same key twice, naming the item', async () => {
    const latest = ok(await t.gql(LATEST, { id: meetingId }, w.secretariat.token)).meeting.agenda;
    const first = latest.items.find((i: { kind: string }) => i.kind !== 'BREAK');
    const unknown = await t.gql(
      UPDATE,
      { id: meetingId, items: [{ key: 'no-such-item', kind: 'OTHER', title: 'X', minutes: 20 }] },
      w.secretariat.token,
    );
    expect(errorOf(unknown)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.key' });
    const twice = await t.gql(
      UPDATE,
      {
        id: meetingId,
        items: [
          { key: first.key, kind: 'OTHER', title: 'X', minutes: 20 },
          { key: first.key, kind: 'OTHER', title: 'Y', minutes: 20 },
        ],
      },
      w.secretariat.token,
    );
    expect(errorOf(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'items.1.key' });
    const malformed = await t.gql(
      UPDATE,
      { id: meetingId, items: [{ key: 'bad key;', kind: 'OTHER', title: 'X', minutes: 20 }] },
      w.secretariat.token,
    );
    expect(errorOf(malformed).code).toBe('BAD_USER_INPUT');
  });
});
