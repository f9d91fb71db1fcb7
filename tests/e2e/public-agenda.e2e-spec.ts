import { ParticipantKind } from '@accord/common';
import * as nodeIcal from 'node-ical';
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

const AGENDA_FIELDS = `version publishedAt publishActionItems warnings markdown icalendar items {
  number kind title startsAt endsAt notes document { id } clauses { id } participants { id name }
}`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda { ${AGENDA_FIELDS} } } }`;
const PUBLISH = `mutation($id: ID!, $actionItems: Boolean!) {
  publishAgenda(meetingId: $id, publishActionItems: $actionItems) { version publishedAt publishActionItems }
}`;

interface Item {
  number: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  notes: string | null;
  document: { id: string } | null;
  clauses: { id: string }[];
  participants: { id: string; name: string }[];
}

const ACTION_ITEM = 'Collect the national points of contact';
const DRAFT_TITLE = 'Good Practices for States';
/** What the notes of a draft's items say, and what its clause sub-items are called. */
const OPEN_WORK = /bracket|amendment|Clause \d/i;

/**
 * A published agenda shows each caller only what it may read: the public sees a draft it may
 * not read named by its title alone, the action items only when the secretariat published
 * them, no scheduling notes; over GraphQL and in the REST renderings.
 */
describe('public: a published agenda shows only what the caller may read', () => {
  let t: TestApp;
  let w: World;
  let meetingId: string;
  let draftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const staff = w.secretariat.actor;
    const previous = await createTestMeeting(t, staff, {
      hostIds: [w.stateA.id],
      startsAt: new Date('2026-02-01T09:00:00Z'),
      endsAt: new Date('2026-02-01T17:00:00Z'),
    });
    const meeting = await createTestMeeting(t, staff, {
      title: 'Plenary',
      hostIds: [w.stateA.id],
      previousMeetingId: previous.id,
      // 09:00–12:00 BST: the clause discussions run into the coffee break and some are cut.
      startsAt: new Date('2026-07-01T08:00:00Z'),
      endsAt: new Date('2026-07-01T11:00:00Z'),
    });
    meetingId = meeting.id;
    ok(
      await t.gql(
        MEETING_OPS.invite,
        { id: meetingId, ids: [w.stateA.id, w.company.id] },
        w.secretariat.token,
      ),
    );
    ok(
      await t.gql(
        MEETING_OPS.addActionItem,
        {
          input: {
            title: ACTION_ITEM,
            raisedAtId: previous.id,
            dueAtId: meetingId,
            ownerId: w.stateB.id,
          },
        },
        w.secretariat.token,
      ),
    );
    // Only states may read this draft: the company, though invited, may not.
    const draft = await createDraftInNegotiation(t, {
      title: DRAFT_TITLE,
      eligibleKinds: [ParticipantKind.STATE],
      proposedById: w.headA.id,
      clauses: [
        { text: 'States shall [publish] [release] their policies.', amendmentsBy: [w.stateB.id] },
        { text: 'States shall [consult] industry.', amendmentsBy: [w.stateA.id, w.stateB.id] },
        { text: 'States should report [yearly].', amendmentsBy: [w.stateB.id] },
        { text: 'States [may] cooperate [freely] [openly].' },
      ],
    });
    draftId = draft.id;
    await createOpenForSignature(t, {
      title: 'Pall Mall Declaration',
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
    });
    ok(
      await t.gql(
        `mutation($id: ID!) { generateAgenda(meetingId: $id) { version } }`,
        { id: meetingId },
        w.secretariat.token,
      ),
    );
    ok(await t.gql(PUBLISH, { id: meetingId, actionItems: false }, w.secretariat.token));
  });
  afterAll(() => t.close());

  const agendaAs = async (token: string | null) =>
    ok(await t.gql(AGENDA, { id: meetingId }, token)).meeting.agenda;
  const get = (format: string, token?: string) => {
    const req = request(t.http).get(`/meetings/${meetingId}/agenda.${format}`).buffer(true);
    return (token ? req.set('authorization', `Bearer ${token}`) : req).responseType('blob');
  };

  it('gives the secretariat the whole agenda: counts, clause sub-items, action items, scheduling notes', async () => {
    const agenda = await agendaAs(w.secretariat.token);
    expect(agenda.publishActionItems).toBe(false);
    const items = agenda.items as Item[];
    expect(items.some((i) => i.number.includes('.') && i.document?.id === draftId)).toBe(true);
    expect(items.some((i) => OPEN_WORK.test(i.notes ?? ''))).toBe(true);
    expect(items.find((i) => i.kind === 'FOLLOW_UP')!.notes).toContain(ACTION_ITEM);
    expect(agenda.warnings.length).toBeGreaterThan(0);
  });

  it('names the draft by its title alone to the public, with no counts, clauses or action items', async () => {
    const agenda = await agendaAs(null);
    const items = agenda.items as Item[];
    const draftItems = items.filter((i) => i.title.includes(DRAFT_TITLE));
    expect(draftItems.length).toBeGreaterThan(0);
    expect(draftItems[0].title).toBe(`Consideration of ${DRAFT_TITLE}`);
    for (const item of draftItems) {
      expect(item).toMatchObject({ notes: null, document: null, clauses: [], participants: [] });
      expect(item.number).not.toContain('.');
    }
    for (const item of items) expect(`${item.title} ${item.notes ?? ''}`).not.toMatch(OPEN_WORK);
    expect(items.find((i) => i.kind === 'FOLLOW_UP')).toMatchObject({
      notes: null,
      participants: [],
    });
    expect(agenda.warnings).toEqual([]);
    for (const text of [agenda.markdown, agenda.icalendar]) {
      expect(text).not.toMatch(OPEN_WORK);
      expect(text).not.toContain(ACTION_ITEM);
      expect(text).not.toContain(w.stateB.name);
      expect(text).not.toContain('Scheduling notes');
    }
  });

  it('keeps the schedule whole: the draft’s time is one block per run between breaks', async () => {
    const full = (await agendaAs(w.secretariat.token)).items as Item[];
    const shown = (await agendaAs(null)).items as Item[];
    expect(shown.length).toBeLessThan(full.length);
    // Every minute of the secretariat's agenda is in one item of the public one.
    for (const item of full) {
      const at = Date.parse(item.startsAt);
      const cover = shown.filter(
        (s) => Date.parse(s.startsAt) <= at && Date.parse(s.endsAt) >= Date.parse(item.endsAt),
      );
      expect(cover).toHaveLength(1);
    }
  });

  it('serves the public the same redacted agenda as Markdown, iCalendar and PDF', async () => {
    const items = (await agendaAs(null)).items as Item[];
    const md = await get('md');
    const ics = await get('ics');
    const pdf = await get('pdf');
    for (const res of [md, ics, pdf]) expect(res.status).toBe(200);
    const texts = [md.body.toString(), ics.body.toString(), await pdfText(pdf.body)];
    for (const text of texts) {
      expect(text).toContain(DRAFT_TITLE);
      expect(text).not.toMatch(OPEN_WORK);
      expect(text).not.toContain(ACTION_ITEM);
      expect(text).not.toContain('Scheduling notes');
    }
    const events = Object.values(nodeIcal.sync.parseICS(ics.body.toString())).filter(
      (c) => c?.type === 'VEVENT',
    );
    // One event per item but breaks (told in the description of the item before them).
    expect(events).toHaveLength(items.filter((i) => i.kind !== 'BREAK').length);
    // The secretariat's token still fetches everything.
    const full = (await get('md', w.secretariat.token)).body.toString();
    expect(full).toMatch(OPEN_WORK);
    expect(full).toContain(ACTION_ITEM);
  });

  it('shows a signed-in caller what it may read: an eligible state the draft, an invited company the action items', async () => {
    const state = (await agendaAs(w.delegateA.token)).items as Item[];
    expect(state.some((i) => OPEN_WORK.test(i.notes ?? ''))).toBe(true);
    expect(state.find((i) => i.kind === 'FOLLOW_UP')!.notes).toContain(ACTION_ITEM);
    const company = (await agendaAs(w.companyDelegate.token)).items as Item[];
    for (const item of company) expect(`${item.title} ${item.notes ?? ''}`).not.toMatch(OPEN_WORK);
    expect(company.find((i) => i.kind === 'FOLLOW_UP')!.notes).toContain(ACTION_ITEM);
    // Not invited, not the secretariat: like the public.
    const outsider = (await agendaAs(w.outsider.token)).items as Item[];
    expect(outsider.find((i) => i.kind === 'FOLLOW_UP')!.notes).toBeNull();
  });

  it('lists the action items to everyone once the secretariat publishes them, and hides them again', async () => {
    const published = ok(
      await t.gql(PUBLISH, { id: meetingId, actionItems: true }, w.secretariat.token),
    ).publishAgenda;
    expect(published.publishActionItems).toBe(true);
    const agenda = await agendaAs(null);
    expect(agenda.publishActionItems).toBe(true);
    const followUp = (agenda.items as Item[]).find((i) => i.kind === 'FOLLOW_UP')!;
    expect(followUp.notes).toContain(ACTION_ITEM);
    expect(followUp.participants.map((p) => p.id)).toEqual([w.stateB.id]);
    expect((await get('ics')).body.toString()).toContain(ACTION_ITEM);
    // The drafts stay hidden whatever the choice for action items.
    expect(agenda.markdown).not.toMatch(OPEN_WORK);
    ok(await t.gql(PUBLISH, { id: meetingId, actionItems: false }, w.secretariat.token));
    expect((await get('md')).body.toString()).not.toContain(ACTION_ITEM);
  });

  it('refuses publishAgenda (and its choice for action items) to anyone but the secretariat', async () => {
    for (const token of [w.headA.token, null]) {
      const res = await t.gql(PUBLISH, { id: meetingId, actionItems: true }, token);
      expect(res.errors?.[0].extensions.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect((await agendaAs(null)).publishActionItems).toBe(false);
  });
});
