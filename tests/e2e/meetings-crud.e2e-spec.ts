import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { errorOf, MEETING_OPS, ok } from '../support/meeting-factory';

const AUDIT = `query($id: String) { auditEvents(entityId: $id) { action entityType entityId } }`;

describe('meetings: create, edit, status', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  let day = 0;
  /** Each meeting on its own later day, so that chains can be built in order. */
  const input = (overrides: Record<string, unknown> = {}) => {
    day++;
    const date = new Date(Date.UTC(2027, 0, 1) + day * 7 * 86_400_000).toISOString().slice(0, 10);
    return {
      title: `Pall Mall Process meeting ${day}`,
      city: 'London',
      venue: 'Lancaster House',
      timezone: 'Europe/London',
      startsAt: `${date}T09:00:00Z`,
      endsAt: `${date}T17:00:00Z`,
      hostIds: [w.stateA.id, w.stateB.id],
      ...overrides,
    };
  };
  const create = async (overrides: Record<string, unknown> = {}) =>
    ok(await t.gql(MEETING_OPS.create, { input: input(overrides) }, w.secretariat.token))
      .createMeeting;
  const count = async () =>
    Number((await t.dataSource.query('SELECT count(*) FROM meetings'))[0].count);

  it('lets the secretariat create a meeting with its hosts in order, and anyone read it', async () => {
    const meeting = await create({
      title: 'Third Pall Mall Process Conference',
      startsAt: '2026-12-08T09:00:00Z',
      endsAt: '2026-12-09T17:00:00Z',
      hostIds: [w.stateB.id, w.stateA.id],
    });
    expect(meeting).toMatchObject({
      title: 'Third Pall Mall Process Conference',
      timezone: 'Europe/London',
      startsAt: '2026-12-08T09:00:00.000Z',
      status: 'PLANNED',
      hosts: [{ id: w.stateB.id }, { id: w.stateA.id }],
      previousMeeting: null,
      nextMeeting: null,
    });
    const read = ok(await t.gql(MEETING_OPS.meeting, { id: meeting.id })).meeting;
    expect(read).toMatchObject({
      title: meeting.title,
      city: 'London',
      endsAt: '2026-12-09T17:00:00.000Z',
    });
    const all = ok(await t.gql('{ meetings { id } }')).meetings;
    expect(all.map((m: { id: string }) => m.id)).toContain(meeting.id);
    const audit = ok(await t.gql(AUDIT, { id: meeting.id }, w.admin.token)).auditEvents;
    expect(audit).toEqual([
      { action: 'meeting.created', entityType: 'Meeting', entityId: meeting.id },
    ]);
  });

  it.each([
    ['admin', true],
    ['secretariat', true],
    ['headA', false],
    ['delegateA', false],
    ['observerA', false],
    ['companyDelegate', false],
    ['outsider', false],
  ] as const)('createMeeting as %s: allowed %s', async (role, allowed) => {
    const res = await t.gql(MEETING_OPS.create, { input: input() }, w[role].token);
    if (allowed) expect(res.errors).toBeUndefined();
    else expect(errorOf(res).code).toBe('FORBIDDEN');
  });

  it('asks anonymous callers to sign in before creating', async () => {
    expect(errorOf(await t.gql(MEETING_OPS.create, { input: input() })).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it.each([
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'BAD_USER_INPUT', 'timezone'],
    ['an offset instead of a zone', { timezone: '+02:00' }, 'BAD_USER_INPUT', 'timezone'],
    [
      'an end before the start',
      { startsAt: '2027-06-02T09:00:00Z', endsAt: '2027-06-01T17:00:00Z' },
      'BAD_USER_INPUT',
      'endsAt',
    ],
    [
      'an end equal to the start',
      { startsAt: '2027-06-02T09:00:00Z', endsAt: '2027-06-02T09:00:00Z' },
      'BAD_USER_INPUT',
      'endsAt',
    ],
    [
      'a meeting of two months',
      { startsAt: '2027-06-01T09:00:00Z', endsAt: '2027-08-01T17:00:00Z' },
      'BAD_USER_INPUT',
      'endsAt',
    ],
    ['no host', { hostIds: [] }, 'BAD_USER_INPUT', 'hostIds'],
    ['a malformed host id', { hostIds: ['not-an-id'] }, 'BAD_USER_INPUT', 'hostIds'],
    ['an unknown host', { hostIds: [randomUUID()] }, 'NOT_FOUND', 'hostIds'],
    ['a blank title', { title: '   ' }, 'BAD_USER_INPUT', 'title'],
    ['a blank city', { city: '' }, 'BAD_USER_INPUT', 'city'],
    [
      'an unknown previous meeting',
      { previousMeetingId: randomUUID() },
      'NOT_FOUND',
      'previousMeetingId',
    ],
  ])(
    'refuses %s, naming the field, and creates nothing',
    async (_name, overrides, expected, at) => {
      const before = await count();
      const res = await t.gql(MEETING_OPS.create, { input: input(overrides) }, w.secretariat.token);
      expect(errorOf(res)).toEqual({ code: expected, field: at });
      expect(await count()).toBe(before);
    },
  );

  it('refuses a host listed twice', async () => {
    const res = await t.gql(
      MEETING_OPS.create,
      { input: input({ hostIds: [w.stateA.id, w.stateA.id] }) },
      w.secretariat.token,
    );
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'hostIds' });
  });

  it('links a meeting to the one it follows, both ways, and only one follower each', async () => {
    const london = await create({ title: 'London' });
    const paris = await create({ title: 'Paris', previousMeetingId: london.id });
    expect(paris.previousMeeting).toEqual({ id: london.id });
    const read = ok(await t.gql(MEETING_OPS.meeting, { id: london.id })).meeting;
    expect(read.nextMeeting).toEqual({ id: paris.id });
    const rival = await t.gql(
      MEETING_OPS.create,
      { input: input({ previousMeetingId: london.id }) },
      w.secretariat.token,
    );
    expect(errorOf(rival)).toEqual({ code: 'CONFLICT', field: 'previousMeetingId' });
  });

  it('refuses to follow a meeting that starts later', async () => {
    const later = await create();
    const res = await t.gql(
      MEETING_OPS.create,
      {
        input: input({
          previousMeetingId: later.id,
          startsAt: '2026-01-05T09:00:00Z',
          endsAt: '2026-01-05T17:00:00Z',
        }),
      },
      w.secretariat.token,
    );
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'previousMeetingId' });
  });

  it('refuses an update that would close a cycle, or a meeting following itself', async () => {
    const a = await create();
    const b = await create({ previousMeetingId: a.id });
    const c = await create({ previousMeetingId: b.id });
    const cycle = await t.gql(
      MEETING_OPS.update,
      { input: { id: a.id, previousMeetingId: c.id } },
      w.secretariat.token,
    );
    expect(errorOf(cycle)).toEqual({ code: 'BAD_USER_INPUT', field: 'previousMeetingId' });
    expect(cycle.errors![0].message).toMatch(/cycle/);
    const self = await t.gql(
      MEETING_OPS.update,
      { input: { id: b.id, previousMeetingId: b.id } },
      w.secretariat.token,
    );
    expect(errorOf(self)).toEqual({ code: 'BAD_USER_INPUT', field: 'previousMeetingId' });
    const read = ok(await t.gql(MEETING_OPS.meeting, { id: a.id })).meeting;
    expect(read.previousMeeting).toBeNull();
  });

  it('updates only the fields given, replaces hosts, unlinks with null, and keeps followers in order', async () => {
    const first = await create();
    const second = await create({ previousMeetingId: first.id });
    const updated = ok(
      await t.gql(
        MEETING_OPS.update,
        {
          input: {
            id: second.id,
            city: 'Paris',
            venue: null,
            timezone: 'Europe/Paris',
            hostIds: [w.stateB.id],
            previousMeetingId: null,
          },
        },
        w.secretariat.token,
      ),
    ).updateMeeting;
    expect(updated).toMatchObject({
      title: second.title,
      city: 'Paris',
      venue: null,
      timezone: 'Europe/Paris',
      hosts: [{ id: w.stateB.id }],
      previousMeeting: null,
    });
    const relinked = ok(
      await t.gql(
        MEETING_OPS.update,
        { input: { id: second.id, previousMeetingId: first.id } },
        w.secretariat.token,
      ),
    ).updateMeeting;
    expect(relinked.previousMeeting).toEqual({ id: first.id });
    const tooLate = await t.gql(
      MEETING_OPS.update,
      { input: { id: first.id, startsAt: '2030-01-01T09:00:00Z', endsAt: '2030-01-01T17:00:00Z' } },
      w.secretariat.token,
    );
    expect(errorOf(tooLate)).toEqual({ code: 'BAD_USER_INPUT', field: 'startsAt' });
  });

  it('refuses bad updates with the field at fault', async () => {
    const meeting = await create();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ id: randomUUID(), city: 'Rome' }, 'NOT_FOUND', 'id'],
      [{ id: meeting.id, timezone: 'Europe/Atlantis' }, 'BAD_USER_INPUT', 'timezone'],
      [{ id: meeting.id, endsAt: '2020-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'endsAt'],
      [{ id: meeting.id, hostIds: [randomUUID()] }, 'NOT_FOUND', 'hostIds'],
    ];
    for (const [update, expected, at] of cases) {
      const res = await t.gql(MEETING_OPS.update, { input: update }, w.secretariat.token);
      expect(errorOf(res)).toEqual({ code: expected, field: at });
    }
    const forbidden = await t.gql(
      MEETING_OPS.update,
      { input: { id: meeting.id, city: 'Rome' } },
      w.headA.token,
    );
    expect(errorOf(forbidden).code).toBe('FORBIDDEN');
    expect(ok(await t.gql(MEETING_OPS.meeting, { id: meeting.id })).meeting).toMatchObject({
      city: 'London',
      timezone: 'Europe/London',
      hosts: [{ id: w.stateA.id }, { id: w.stateB.id }],
    });
  });

  it('moves the status forward, refuses what is final, and only for the secretariat', async () => {
    const meeting = await create();
    const set = (status: string, token = w.secretariat.token) =>
      t.gql(MEETING_OPS.setStatus, { id: meeting.id, status }, token);
    expect(errorOf(await set('CONFIRMED', w.headA.token)).code).toBe('FORBIDDEN');
    expect(ok(await set('CONFIRMED')).setMeetingStatus.status).toBe('CONFIRMED');
    expect(errorOf(await set('CONFIRMED')).code).toBe('INVALID_STATE');
    expect(ok(await set('CONCLUDED')).setMeetingStatus.status).toBe('CONCLUDED');
    expect(errorOf(await set('PLANNED')).code).toBe('INVALID_STATE');
    expect(errorOf(await set('CANCELLED')).code).toBe('INVALID_STATE');
    const unknown = await t.gql(
      MEETING_OPS.setStatus,
      { id: randomUUID(), status: 'CONFIRMED' },
      w.secretariat.token,
    );
    expect(errorOf(unknown)).toEqual({ code: 'NOT_FOUND', field: 'meetingId' });
  });

  it('answers null for an unknown meeting and BAD_USER_INPUT for a malformed id', async () => {
    expect(ok(await t.gql(MEETING_OPS.meeting, { id: randomUUID() })).meeting).toBeNull();
    expect(errorOf(await t.gql(MEETING_OPS.meeting, { id: 'london-2024' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });
});
