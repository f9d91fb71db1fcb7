import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { createTestMeeting, errorOf, MEETING_OPS, ok } from '../support/meeting-factory';

type Invitation = { participant: { id: string }; status: string };
/** Invitations made in one call share their creation time: compare them in a fixed order. */
const byParticipant = (list: Invitation[]) =>
  [...list].sort((a, b) => a.participant.id.localeCompare(b.participant.id));

describe('meetings: invitations, attendance, action items', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const meeting = (overrides: Record<string, unknown> = {}) =>
    createTestMeeting(t, w.secretariat.actor, { hostIds: [w.stateA.id], ...overrides });
  const invite = (id: string, ids: string[], token: string | null = w.secretariat.token) =>
    t.gql(MEETING_OPS.invite, { id, ids }, token);
  const invitationsAs = async (id: string, token: string | null) =>
    ok(await t.gql(MEETING_OPS.invitations, { id }, token)).meeting.invitations as {
      participant: { id: string };
      status: string;
    }[];

  describe('inviteParticipants', () => {
    it('invites once: inviting again keeps each invitation and its answer', async () => {
      const m = await meeting();
      ok(await invite(m.id, [w.stateA.id, w.company.id]));
      ok(await t.gql(MEETING_OPS.respond, { id: m.id, accept: true }, w.headA.token));
      const again = ok(await invite(m.id, [w.stateA.id, w.stateB.id, w.stateB.id]));
      expect(byParticipant(again.inviteParticipants.invitations)).toEqual(
        byParticipant([
          { participant: { id: w.stateA.id }, status: 'ACCEPTED' },
          { participant: { id: w.company.id }, status: 'INVITED' },
          { participant: { id: w.stateB.id }, status: 'INVITED' },
        ]),
      );
      const audit = ok(
        await t.gql(
          `query($id: String) { auditEvents(entityId: $id) { action } }`,
          { id: m.id },
          w.admin.token,
        ),
      ).auditEvents.map((e: { action: string }) => e.action);
      expect(audit.filter((a: string) => a === 'meeting.participantsInvited')).toHaveLength(2);
    });

    it('refuses other callers, unknown participants and meetings, and closed meetings', async () => {
      const m = await meeting();
      expect(errorOf(await invite(m.id, [w.stateA.id], w.headA.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await invite(m.id, [w.stateA.id], null)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await invite(m.id, [w.stateA.id, randomUUID()]))).toEqual({
        code: 'NOT_FOUND',
        field: 'participantIds',
      });
      expect(errorOf(await invite(m.id, []))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'participantIds',
      });
      expect(errorOf(await invite(randomUUID(), [w.stateA.id]))).toEqual({
        code: 'NOT_FOUND',
        field: 'meetingId',
      });
      expect(errorOf(await invite('nope', [w.stateA.id]))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'meetingId',
      });
      expect(await invitationsAs(m.id, w.secretariat.token)).toEqual([]);
      ok(
        await t.gql(MEETING_OPS.setStatus, { id: m.id, status: 'CANCELLED' }, w.secretariat.token),
      );
      expect(errorOf(await invite(m.id, [w.stateA.id])).code).toBe('INVALID_STATE');
    });

    it('shows invitations to the secretariat and the invited participants’ members only', async () => {
      const m = await meeting();
      ok(await invite(m.id, [w.stateA.id, w.company.id]));
      const visible: [string | null, boolean][] = [
        [w.admin.token, true],
        [w.secretariat.token, true],
        [w.headA.token, true],
        [w.delegateA.token, true],
        [w.observerA.token, true],
        [w.companyDelegate.token, true],
        [w.headB.token, false],
        [w.delegateB.token, false],
        [w.outsider.token, false],
        [null, false],
      ];
      for (const [token, sees] of visible) {
        expect(await invitationsAs(m.id, token)).toHaveLength(sees ? 2 : 0);
      }
    });
  });

  describe('respondToInvitation', () => {
    it('lets the head of an invited delegation accept, then decline', async () => {
      const m = await meeting();
      ok(await invite(m.id, [w.stateA.id]));
      const accepted = ok(
        await t.gql(MEETING_OPS.respond, { id: m.id, accept: true }, w.headA.token),
      ).respondToInvitation;
      expect(accepted).toMatchObject({
        status: 'ACCEPTED',
        participant: { id: w.stateA.id },
        meeting: { id: m.id },
      });
      expect(accepted.respondedAt).toBeTruthy();
      const declined = ok(
        await t.gql(MEETING_OPS.respond, { id: m.id, accept: false }, w.headA.token),
      ).respondToInvitation;
      expect(declined.status).toBe('DECLINED');
    });

    it('is for heads of delegation only, of an invited participant, while the meeting is ahead', async () => {
      const m = await meeting();
      ok(await invite(m.id, [w.stateA.id]));
      const respond = (token: string | null, id = m.id) =>
        t.gql(MEETING_OPS.respond, { id, accept: true }, token);
      for (const token of [
        w.delegateA.token,
        w.observerA.token,
        w.secretariat.token,
        w.admin.token,
        w.outsider.token,
      ]) {
        expect(errorOf(await respond(token)).code).toBe('FORBIDDEN');
      }
      expect(errorOf(await respond(null)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await respond(w.headB.token))).toEqual({
        code: 'NOT_FOUND',
        field: 'meetingId',
      });
      expect(errorOf(await respond(w.headA.token, randomUUID())).code).toBe('NOT_FOUND');
      ok(
        await t.gql(MEETING_OPS.setStatus, { id: m.id, status: 'CONCLUDED' }, w.secretariat.token),
      );
      expect(errorOf(await respond(w.headA.token)).code).toBe('INVALID_STATE');
      expect(await invitationsAs(m.id, w.secretariat.token)).toEqual([
        { participant: { id: w.stateA.id }, status: 'INVITED' },
      ]);
    });
  });

  describe('recordAttendance', () => {
    it('marks invited participants ATTENDED once the meeting is concluded, adding to earlier records', async () => {
      const m = await meeting();
      ok(await invite(m.id, [w.stateA.id, w.stateB.id, w.company.id]));
      const attend = (ids: string[], token = w.secretariat.token) =>
        t.gql(MEETING_OPS.attendance, { id: m.id, ids }, token);
      expect(errorOf(await attend([w.stateA.id])).code).toBe('INVALID_STATE');
      ok(
        await t.gql(MEETING_OPS.setStatus, { id: m.id, status: 'CONCLUDED' }, w.secretariat.token),
      );
      expect(errorOf(await attend([w.stateA.id], w.headA.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await attend([w.stateA.id, randomUUID()]))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'participantIds',
      });
      ok(await attend([w.stateA.id]));
      const result = ok(await attend([w.company.id])).recordAttendance.invitations;
      expect(byParticipant(result)).toEqual(
        byParticipant([
          { participant: { id: w.stateA.id }, status: 'ATTENDED' },
          { participant: { id: w.stateB.id }, status: 'INVITED' },
          { participant: { id: w.company.id }, status: 'ATTENDED' },
        ]),
      );
    });
  });

  describe('action items', () => {
    it('are raised at one meeting, owned by a participant, due at a later one, and completed by the owner’s head', async () => {
      const raised = await meeting({
        startsAt: new Date('2026-02-01T09:00:00Z'),
        endsAt: new Date('2026-02-01T17:00:00Z'),
      });
      const due = await meeting({
        startsAt: new Date('2026-06-01T09:00:00Z'),
        endsAt: new Date('2026-06-01T17:00:00Z'),
      });
      ok(await invite(due.id, [w.stateB.id]));
      const item = ok(
        await t.gql(
          MEETING_OPS.addActionItem,
          {
            input: {
              title: 'Report on export controls',
              ownerId: w.stateA.id,
              raisedAtId: raised.id,
              dueAtId: due.id,
            },
          },
          w.secretariat.token,
        ),
      ).addActionItem;
      expect(item).toMatchObject({
        status: 'OPEN',
        owner: { id: w.stateA.id },
        raisedAt: { id: raised.id },
        dueAt: { id: due.id },
      });
      const seen = async (token: string | null) =>
        ok(await t.gql(MEETING_OPS.actionItems, { id: due.id }, token)).meeting.actionItems.length;
      expect(await seen(w.secretariat.token)).toBe(1);
      expect(await seen(w.observerA.token)).toBe(1); // a member of the owner
      expect(await seen(w.delegateB.token)).toBe(1); // invited to the meeting it is due at
      expect(await seen(w.companyDelegate.token)).toBe(0);
      expect(await seen(null)).toBe(0);

      const complete = (token: string | null, id = item.id) =>
        t.gql(MEETING_OPS.completeActionItem, { id }, token);
      expect(errorOf(await complete(w.delegateA.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await complete(w.headB.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await complete(null)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await complete(w.headA.token, randomUUID())).code).toBe('FORBIDDEN');
      expect(errorOf(await complete(w.secretariat.token, randomUUID()))).toEqual({
        code: 'NOT_FOUND',
        field: 'id',
      });
      const done = ok(await complete(w.headA.token)).completeActionItem;
      expect(done.status).toBe('DONE');
      expect(done.completedAt).toBeTruthy();
      expect(ok(await complete(w.secretariat.token)).completeActionItem.completedAt).toBe(
        done.completedAt,
      );
    });

    it('refuses an item due before the meeting it was raised at ends, unknown ids, and other callers', async () => {
      const first = await meeting({
        startsAt: new Date('2026-03-01T09:00:00Z'),
        endsAt: new Date('2026-03-02T17:00:00Z'),
      });
      const overlapping = await meeting({
        startsAt: new Date('2026-03-02T09:00:00Z'),
        endsAt: new Date('2026-03-02T17:00:00Z'),
      });
      const add = (input: Record<string, unknown>, token = w.secretariat.token) =>
        t.gql(
          MEETING_OPS.addActionItem,
          { input: { title: 'Follow up', raisedAtId: first.id, ...input } },
          token,
        );
      const before = Number(
        (await t.dataSource.query('SELECT count(*) FROM action_items'))[0].count,
      );
      expect(errorOf(await add({ dueAtId: overlapping.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'dueAtId',
      });
      expect(errorOf(await add({ dueAtId: first.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'dueAtId',
      });
      expect(errorOf(await add({ dueAtId: randomUUID() }))).toEqual({
        code: 'NOT_FOUND',
        field: 'dueAtId',
      });
      expect(errorOf(await add({ raisedAtId: randomUUID() }))).toEqual({
        code: 'NOT_FOUND',
        field: 'raisedAtId',
      });
      expect(errorOf(await add({ ownerId: randomUUID() }))).toEqual({
        code: 'NOT_FOUND',
        field: 'ownerId',
      });
      expect(errorOf(await add({ title: ' ' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'title',
      });
      expect(errorOf(await add({}, w.headA.token)).code).toBe('FORBIDDEN');
      expect(Number((await t.dataSource.query('SELECT count(*) FROM action_items'))[0].count)).toBe(
        before,
      );
      expect(ok(await add({ ownerId: w.company.id })).addActionItem.dueAt).toBeNull();
    });
  });
});
