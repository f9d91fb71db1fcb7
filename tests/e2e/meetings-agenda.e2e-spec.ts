import { ParticipantKind } from '@accord/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  createDraftInNegotiation,
  createOpenForSignature,
  createTestMeeting,
  errorOf,
  MEETING_OPS,
  ok,
} from '../support/meeting-factory';

const AGENDA_FIELDS = `version publishedAt warnings items {
  position number kind title startsAt endsAt notes
  document { id } clauses { id number } participants { id }
}`;
const GENERATE = `mutation($id: ID!) { generateAgenda(meetingId: $id) { ${AGENDA_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishAgenda(meetingId: $id) { ${AGENDA_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $items: [AgendaItemInput!]!, $keepTimes: Boolean) {
  updateAgenda(meetingId: $id, items: $items, keepTimes: $keepTimes) { ${AGENDA_FIELDS} }
}`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda { ${AGENDA_FIELDS} } } }`;

interface Item {
  position: number;
  number: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  notes: string | null;
  document: { id: string } | null;
  clauses: { id: string; number: string }[];
  participants: { id: string }[];
}

const isReview = (i: Item) => i.kind === 'DOCUMENT_REVIEW' && !i.number.includes('.');
const minutes = (i: Item) => (Date.parse(i.endsAt) - Date.parse(i.startsAt)) / 60_000;
const local = (iso: string, zone = 'Europe/London') =>
  DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');

function expectInOrderWithin(items: Item[], from: string, to: string, zone = 'Europe/London') {
  items.forEach((item, k) => {
    expect(Date.parse(item.endsAt)).toBeGreaterThan(Date.parse(item.startsAt));
    if (k > 0)
      expect(Date.parse(item.startsAt)).toBeGreaterThanOrEqual(Date.parse(items[k - 1].endsAt));
    expect(DateTime.fromISO(item.startsAt, { zone }).toFormat('HH:mm') >= from).toBe(true);
    expect(DateTime.fromISO(item.endsAt, { zone }).toFormat('HH:mm') <= to).toBe(true);
  });
}

describe('meetings: agenda generation, editing, publication', () => {
  let t: TestApp;
  let w: World;
  let meetingId: string;
  let draft: Awaited<ReturnType<typeof createDraftInNegotiation>>;
  let declaration: Awaited<ReturnType<typeof createOpenForSignature>>;

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
      hostIds: [w.stateA.id, w.stateB.id],
      previousMeetingId: previous.id,
      startsAt: new Date('2026-07-01T08:00:00Z'), // 09:00 BST
      endsAt: new Date('2026-07-01T16:00:00Z'), // 17:00 BST
    });
    meetingId = meeting.id;
    await createTestMeeting(t, staff, {
      title: 'Autumn session',
      city: 'Paris',
      venue: null,
      timezone: 'Europe/Paris',
      hostIds: [w.stateB.id],
      previousMeetingId: meeting.id,
      startsAt: new Date('2026-10-14T07:00:00Z'),
      endsAt: new Date('2026-10-15T15:00:00Z'),
    });
    ok(
      await t.gql(
        MEETING_OPS.invite,
        { id: meetingId, ids: [w.stateA.id, w.stateB.id, w.company.id] },
        w.secretariat.token,
      ),
    );
    const addItem = async (title: string, ownerId: string) =>
      ok(
        await t.gql(
          MEETING_OPS.addActionItem,
          { input: { title, ownerId, raisedAtId: previous.id, dueAtId: meetingId } },
          w.secretariat.token,
        ),
      ).addActionItem;
    await addItem('Circulate the draft to capitals', w.stateA.id);
    const done = await addItem('Book the venue', w.stateB.id);
    ok(await t.gql(MEETING_OPS.completeActionItem, { id: done.id }, w.secretariat.token));
    draft = await createDraftInNegotiation(t, {
      title: 'Code of Practice for Industry',
      eligibleKinds: [ParticipantKind.STATE],
      proposedById: w.headA.id,
      clauses: [
        { text: 'Participants shall [take steps to] prevent misuse.' },
        { text: 'Participants shall share information.', amendmentsBy: [w.stateA.id, w.stateB.id] },
        { text: 'Agreed text without open work.' },
        { text: 'Export controls [shall] apply [to all tools].', amendmentsBy: [w.stateB.id] },
      ],
    });
    // Only academia may see this one, and no academic participant is invited.
    await createDraftInNegotiation(t, {
      title: 'Research Charter',
      eligibleKinds: [ParticipantKind.ACADEMIA],
      proposedById: w.headA.id,
      clauses: [{ text: '[Open] text.' }],
    });
    declaration = await createOpenForSignature(t, {
      title: 'Pall Mall Declaration',
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
      signedBy: [w.stateA.id],
    });
  });
  afterAll(() => t.close());

  const generate = async (id = meetingId) =>
    ok(await t.gql(GENERATE, { id }, w.secretariat.token)).generateAgenda;
  const versions = async (id = meetingId) =>
    Number(
      (await t.dataSource.query('SELECT count(*) FROM agendas WHERE "meetingId" = $1', [id]))[0]
        .count,
    );

  it('generates the items in the order of the domain, with clause sub-items timed by their open work', async () => {
    const agenda = await generate();
    expect(agenda.warnings).toEqual([]);
    const items: Item[] = agenda.items;
    expect(items.map((i) => `${i.number}|${i.kind}|${i.title}`)).toEqual([
      '1|OPENING|Opening of the meeting',
      '2|ADOPTION_OF_AGENDA|Adoption of the agenda',
      '3|FOLLOW_UP|Follow-up of action items',
      '4|DOCUMENT_REVIEW|Consideration of Code of Practice for Industry',
      '4.1|DOCUMENT_REVIEW|Clause 1',
      '4.2|DOCUMENT_REVIEW|Clause 2',
      '|BREAK|Coffee break',
      '4.3|DOCUMENT_REVIEW|Clause 4',
      '5|SIGNING|Signature of Pall Mall Declaration',
      '6|AOB|Any other business',
      '7|NEXT_MEETING|Date and venue of the next meeting',
      '8|CLOSING|Closing of the meeting',
    ]);
    expect(items.map((i) => i.position)).toEqual(items.map((_i, k) => k + 1));
    expectInOrderWithin(items, '09:00', '17:00');
    expect(local(items[0].startsAt)).toBe('2026-07-01 09:00');
    const byNumber = (n: string) => items.find((i) => i.number === n)!;
    expect(byNumber('1').participants).toEqual([{ id: w.stateA.id }, { id: w.stateB.id }]);
    expect(byNumber('3')).toMatchObject({
      participants: [{ id: w.stateA.id }],
      notes: '- Circulate the draft to capitals (' + w.stateA.name + ')',
    });
    expect(byNumber('4').document).toEqual({ id: draft.id });
    expect(byNumber('4').clauses.map((c) => c.number)).toEqual(['1', '2', '4']);
    expect(byNumber('4.1').clauses).toEqual([{ id: draft.clauseIds[0], number: '1' }]);
    expect(byNumber('4.3').clauses).toEqual([{ id: draft.clauseIds[3], number: '4' }]);
    expect([minutes(byNumber('4.1')), minutes(byNumber('4.2')), minutes(byNumber('4.3'))]).toEqual([
      10, 20, 30,
    ]);
    expect(byNumber('5').document).toEqual({ id: declaration.id });
    expect(byNumber('5').participants).toEqual(
      expect.arrayContaining([{ id: w.stateB.id }, { id: w.company.id }]),
    );
    expect(byNumber('5').participants).toHaveLength(2);
    expect(byNumber('7').notes).toBe('Autumn session: Paris, 14 October 2026 to 15 October 2026');
  });

  it('leaves out documents no invited participant may see, and signers who declined', async () => {
    ok(await t.gql(MEETING_OPS.respond, { id: meetingId, accept: false }, w.headB.token));
    const agenda = await generate();
    const titles = agenda.items.map((i: Item) => i.title);
    expect(titles).not.toContain('Consideration of Research Charter');
    const signing = agenda.items.find((i: Item) => i.kind === 'SIGNING');
    expect(signing.participants).toEqual([{ id: w.company.id }]);
    ok(await t.gql(MEETING_OPS.respond, { id: meetingId, accept: true }, w.headB.token));
  });

  it('says what it cut when the work does not fit, and never overruns', async () => {
    const short = await createTestMeeting(t, w.secretariat.actor, {
      hostIds: [w.stateA.id],
      startsAt: new Date('2026-08-03T08:00:00Z'), // 09:00–10:30 BST
      endsAt: new Date('2026-08-03T09:30:00Z'),
    });
    ok(await t.gql(MEETING_OPS.invite, { id: short.id, ids: [w.stateA.id] }, w.secretariat.token));
    const agenda = await generate(short.id);
    expectInOrderWithin(agenda.items, '09:00', '10:30');
    expect(agenda.warnings.some((x: string) => /^Compressed the clause discussions/.test(x))).toBe(
      true,
    );
    expect(agenda.warnings).toContain(
      'Cut for lack of time: Clause 1 of Code of Practice for Industry (0 open amendments, 1 bracketed passage)',
    );
  });

  it('spreads a two-day meeting over both days in its own zone across the DST change', async () => {
    const weekend = await createTestMeeting(t, w.secretariat.actor, {
      hostIds: [w.stateA.id],
      startsAt: new Date('2026-03-28T14:00:00Z'), // Saturday 14:00 GMT
      endsAt: new Date('2026-03-29T15:00:00Z'), // Sunday 16:00 BST
    });
    ok(
      await t.gql(
        MEETING_OPS.invite,
        { id: weekend.id, ids: [w.stateA.id, w.company.id] },
        w.secretariat.token,
      ),
    );
    const { items } = await generate(weekend.id);
    expectInOrderWithin(items, '14:00', '16:00');
    const days = items.map((i: Item) => local(i.startsAt).slice(0, 10));
    expect(new Set(days)).toEqual(new Set(['2026-03-28', '2026-03-29']));
    const sunday = items.find((i: Item) => i.startsAt.startsWith('2026-03-29'))!;
    expect(sunday.startsAt).toBe('2026-03-29T13:00:00.000Z'); // 14:00 BST
    // Saturday 14:00–15:30 GMT is filled exactly; what does not fit the 15 minutes after the
    // coffee break moves to Sunday, 14:00 BST.
    expect(items[0].startsAt).toBe('2026-03-28T14:00:00.000Z');
    expect(items.some((i: Item) => i.kind === 'BREAK')).toBe(false);
  });

  it('refuses other callers, unknown meetings, and concluded meetings, changing nothing', async () => {
    const before = await versions();
    expect(errorOf(await t.gql(GENERATE, { id: meetingId }, w.headA.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(GENERATE, { id: meetingId })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(GENERATE, { id: randomUUID() }, w.secretariat.token))).toEqual({
      code: 'NOT_FOUND',
      field: 'meetingId',
    });
    expect(errorOf(await t.gql(GENERATE, { id: 'x' }, w.secretariat.token))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'meetingId',
    });
    expect(await versions()).toBe(before);
    const past = await createTestMeeting(t, w.secretariat.actor, { hostIds: [w.stateA.id] });
    ok(
      await t.gql(MEETING_OPS.setStatus, { id: past.id, status: 'CONCLUDED' }, w.secretariat.token),
    );
    expect(errorOf(await t.gql(GENERATE, { id: past.id }, w.secretariat.token)).code).toBe(
      'INVALID_STATE',
    );
    expect(errorOf(await t.gql(PUBLISH, { id: past.id }, w.secretariat.token)).code).toBe(
      'INVALID_STATE',
    );
  });

  describe('versions and publication', () => {
    let meeting: string;
    beforeAll(async () => {
      meeting = (
        await createTestMeeting(t, w.secretariat.actor, {
          hostIds: [w.stateA.id],
          startsAt: new Date('2026-09-01T08:00:00Z'),
          endsAt: new Date('2026-09-01T16:00:00Z'),
        })
      ).id;
      ok(
        await t.gql(
          MEETING_OPS.invite,
          { id: meeting, ids: [w.stateA.id, w.company.id] },
          w.secretariat.token,
        ),
      );
    });
    const agendaAs = async (token: string | null) =>
      ok(await t.gql(AGENDA, { id: meeting }, token)).meeting.agenda;

    it('shows the latest version to the secretariat and only a published one to everyone else', async () => {
      expect(errorOf(await t.gql(PUBLISH, { id: meeting }, w.secretariat.token)).code).toBe(
        'INVALID_STATE',
      );
      const first = await generate(meeting);
      expect(first).toMatchObject({ version: 1, publishedAt: null });
      expect((await agendaAs(w.secretariat.token)).version).toBe(1);
      for (const token of [w.headA.token, w.delegateA.token, w.companyDelegate.token, null]) {
        expect(await agendaAs(token)).toBeNull();
      }
      expect(errorOf(await t.gql(PUBLISH, { id: meeting }, w.headA.token)).code).toBe('FORBIDDEN');
      const published = ok(
        await t.gql(PUBLISH, { id: meeting }, w.secretariat.token),
      ).publishAgenda;
      expect(published.version).toBe(1);
      expect(published.publishedAt).toBeTruthy();
      const again = ok(await t.gql(PUBLISH, { id: meeting }, w.secretariat.token)).publishAgenda;
      expect(again.publishedAt).toBe(published.publishedAt);
      const second = await generate(meeting);
      expect(second).toMatchObject({ version: 2, publishedAt: null });
      expect((await agendaAs(w.secretariat.token)).version).toBe(2);
      expect((await agendaAs(null)).version).toBe(1);
      expect((await agendaAs(w.headA.token)).version).toBe(1);
    });

    it('hides a draft document and its clauses from those who may not read it', async () => {
      const publicView = await agendaAs(null);
      const review = publicView.items.find(isReview);
      expect(review).toMatchObject({ kind: 'DOCUMENT_REVIEW', document: null, clauses: [] });
      const stateView = (await agendaAs(w.delegateA.token)).items.find(isReview);
      expect(stateView.document).toEqual({ id: draft.id });
      expect(stateView.clauses).toHaveLength(3);
      const companyView = (await agendaAs(w.companyDelegate.token)).items.find(isReview);
      expect(companyView.document).toBeNull();
      const signing = publicView.items.find((i: Item) => i.kind === 'SIGNING');
      expect(signing.document).toEqual({ id: declaration.id });
    });

    it('edits: reorders, retitles, adds and removes items, laying times out again', async () => {
      const latest = (await agendaAs(w.secretariat.token)).items as Item[];
      const opening = latest.find((i) => i.kind === 'OPENING')!;
      const closing = latest.find((i) => i.kind === 'CLOSING')!;
      const review = latest.find(isReview)!;
      const items = [
        {
          kind: 'OPENING',
          title: 'Welcome by the hosts',
          participantIds: opening.participants.map((p) => p.id),
        },
        { kind: 'OTHER', title: 'Keynote on spyware markets', minutes: 45, notes: 'Guest speaker' },
        {
          kind: 'DOCUMENT_REVIEW',
          title: review.title,
          documentId: draft.id,
          clauseIds: [draft.clauseIds[3]],
          minutes: 60,
        },
        {
          kind: 'DOCUMENT_REVIEW',
          title: 'Clause 4',
          subItem: true,
          documentId: draft.id,
          clauseIds: [draft.clauseIds[3]],
          minutes: 30,
        },
        {
          kind: 'CLOSING',
          title: closing.title,
          startsAt: closing.startsAt,
          endsAt: closing.endsAt,
        },
      ];
      const edited = ok(
        await t.gql(UPDATE, { id: meeting, items }, w.secretariat.token),
      ).updateAgenda;
      expect(edited.version).toBe(3);
      expect(
        edited.items.map(
          (i: Item) =>
            `${i.number}|${i.title}|${local(i.startsAt).slice(11)}-${local(i.endsAt).slice(11)}`,
        ),
      ).toEqual([
        '1|Welcome by the hosts|09:00-09:10',
        '2|Keynote on spyware markets|09:10-09:55',
        '|Coffee break|10:30-10:45',
        '3|Consideration of Code of Practice for Industry|10:45-11:45',
        '3.1|Clause 4|11:45-12:15',
        '4|Closing of the meeting|12:15-12:30',
      ]);
      expect(edited.items[0].participants).toEqual([{ id: w.stateA.id }]);
      expect(edited.items[4].clauses).toEqual([{ id: draft.clauseIds[3], number: '4' }]);
      expect(edited.warnings).toEqual([]);
    });

    it('edits keeping the times given, breaks included', async () => {
      const items = [
        {
          kind: 'OPENING',
          title: 'Opening',
          startsAt: '2026-09-01T08:00:00Z',
          endsAt: '2026-09-01T08:30:00Z',
        },
        {
          kind: 'BREAK',
          title: 'Long coffee',
          startsAt: '2026-09-01T08:30:00Z',
          endsAt: '2026-09-01T09:00:00Z',
        },
        {
          kind: 'CLOSING',
          title: 'Closing',
          startsAt: '2026-09-01T15:30:00Z',
          endsAt: '2026-09-01T16:00:00Z',
        },
      ];
      const edited = ok(
        await t.gql(UPDATE, { id: meeting, items, keepTimes: true }, w.secretariat.token),
      ).updateAgenda;
      expect(edited.items.map((i: Item) => [i.number, i.kind, i.startsAt])).toEqual([
        ['1', 'OPENING', '2026-09-01T08:00:00.000Z'],
        ['', 'BREAK', '2026-09-01T08:30:00.000Z'],
        ['2', 'CLOSING', '2026-09-01T15:30:00.000Z'],
      ]);
    });

    it.each([
      [
        'an item outside the hours',
        () => [
          {
            kind: 'OPENING',
            title: 'Early',
            startsAt: '2026-09-01T06:00:00Z',
            endsAt: '2026-09-01T07:00:00Z',
          },
        ],
        true,
        'BAD_USER_INPUT',
        'items.0.startsAt',
      ],
      [
        'overlapping items',
        () => [
          {
            kind: 'OPENING',
            title: 'A',
            startsAt: '2026-09-01T08:00:00Z',
            endsAt: '2026-09-01T09:00:00Z',
          },
          {
            kind: 'CLOSING',
            title: 'B',
            startsAt: '2026-09-01T08:30:00Z',
            endsAt: '2026-09-01T09:30:00Z',
          },
        ],
        true,
        'BAD_USER_INPUT',
        'items.1.startsAt',
      ],
      [
        'an item without times to keep',
        () => [{ kind: 'OPENING', title: 'A' }],
        true,
        'BAD_USER_INPUT',
        'items.0.startsAt',
      ],
      [
        'an end before the start',
        () => [
          {
            kind: 'OPENING',
            title: 'A',
            startsAt: '2026-09-01T09:00:00Z',
            endsAt: '2026-09-01T08:00:00Z',
          },
        ],
        true,
        'BAD_USER_INPUT',
        'items.0.endsAt',
      ],
      [
        'a first item that is a sub-item',
        () => [{ kind: 'OTHER', title: 'A', subItem: true }],
        false,
        'BAD_USER_INPUT',
        'items.0.subItem',
      ],
      [
        'items longer than the day',
        () => [{ kind: 'OTHER', title: 'A', minutes: 600 }],
        false,
        'BAD_USER_INPUT',
        'items',
      ],
      [
        'an unknown document',
        () => [{ kind: 'OTHER', title: 'A', documentId: randomUUID() }],
        false,
        'NOT_FOUND',
        'items.0.documentId',
      ],
      [
        'a clause of another document',
        () => [
          {
            kind: 'OTHER',
            title: 'A',
            documentId: declaration.id,
            clauseIds: [draft.clauseIds[0]],
          },
        ],
        false,
        'NOT_FOUND',
        'items.0.clauseIds',
      ],
      [
        'clauses without their document',
        () => [{ kind: 'OTHER', title: 'A', clauseIds: [draft.clauseIds[0]] }],
        false,
        'BAD_USER_INPUT',
        'items.0.documentId',
      ],
      [
        'an unknown participant',
        () => [{ kind: 'OTHER', title: 'A', participantIds: [randomUUID()] }],
        false,
        'NOT_FOUND',
        'items.0.participantIds',
      ],
      [
        'a blank title',
        () => [{ kind: 'OTHER', title: '  ' }],
        false,
        'BAD_USER_INPUT',
        'items.0.title',
      ],
      ['no items', () => [], false, 'BAD_USER_INPUT', 'items'],
    ])(
      'refuses %s, naming the field, and makes no version',
      async (_name, items, keepTimes, expected, at) => {
        const before = await versions(meeting);
        const res = await t.gql(
          UPDATE,
          { id: meeting, items: items(), keepTimes },
          w.secretariat.token,
        );
        expect(errorOf(res)).toEqual({ code: expected, field: at });
        expect(await versions(meeting)).toBe(before);
      },
    );

    it('lets only the secretariat edit', async () => {
      const items = [{ kind: 'OTHER', title: 'A' }];
      expect(errorOf(await t.gql(UPDATE, { id: meeting, items }, w.headA.token)).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await t.gql(UPDATE, { id: meeting, items })).code).toBe('UNAUTHENTICATED');
    });

    it('audits every version and publication', async () => {
      const actions = ok(
        await t.gql(
          `query($id: String) { auditEvents(entityId: $id, first: 200) { action } }`,
          { id: meeting },
          w.admin.token,
        ),
      ).auditEvents.map((e: { action: string }) => e.action);
      expect(actions.filter((a: string) => a.startsWith('agenda.'))).toEqual(
        expect.arrayContaining(['agenda.generated', 'agenda.published', 'agenda.edited']),
      );
      expect(actions.filter((a: string) => a === 'agenda.published')).toHaveLength(1);
      expect(
        actions.filter((a: string) => a === 'agenda.generated' || a === 'agenda.edited'),
      ).toHaveLength(await versions(meeting));
    });
  });
});
