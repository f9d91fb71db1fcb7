import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';

const MEETING_FIELDS = `id title city venue timezone startsAt endsAt status
  hosts { id name } previousMeeting { id } nextMeeting { id }`;
const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: MeetingStatus!) { setMeetingStatus(meetingId: $id, status: $status) { id status } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;
const MEETINGS = `{ meetings { id title } }`;

const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions.code;
const field = (res: GraphQLResponse) => res.errors?.[0]?.extensions.field;
function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

describe('meetings: create, edit, status', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Third Pall Mall Process Conference',
    city: 'London',
    venue: 'Lancaster House',
    timezone: 'Europe/London',
    startsAt: '2026-12-08T09:00:00Z',
    endsAt: '2026-12-09T17:00:00Z',
    hostIds: [w.stateA.id, w.stateB.id],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}) =>
    ok(await t.gql(CREATE, { input: input(overrides) }, w.secretariat.token)).createMeeting;

  it('lets the secretariat create a meeting with its hosts in order, and the public read it', async () => {
    const meeting = await create();
    expect(meeting).toMatchObject({
      title: 'Third Pall Mall Process Conference',
      timezone: 'Europe/London',
      startsAt: '2026-12-08T09:00:00.000Z',
      status: 'PLANNED',
      hosts: [{ id: w.stateA.id }, { id: w.stateB.id }],
      previousMeeting: null,
    });
    const read = ok(await t.gql(MEETING, { id: meeting.id })).meeting;
    expect(read).toMatchObject({
      title: meeting.title,
      city: 'London',
      endsAt: '2026-12-09T17:00:00.000Z',
    });
    expect(ok(await t.gql(MEETINGS)).meetings.map((m: { id: string }) => m.id)).toContain(
      meeting.id,
    );
  });
});
