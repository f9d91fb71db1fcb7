import { ParticipantKind } from '@accord/common';
import { ActionItemsService, AgendasService, InvitationsService } from '@accord/meetings';
import { BATCH_JITTER, countQueries } from '../support/count-queries';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  createDraftInNegotiation,
  createOpenForSignature,
  createTestMeeting,
  ok,
} from '../support/meeting-factory';

/** Every field of a meeting and its agenda that reads the database. */
const EVERYTHING = `{ meetings {
  id title hosts { id name } previousMeeting { id title } nextMeeting { id title }
  invitations { status participant { id name } meeting { id } }
  actionItems { id title owner { id name } raisedAt { id } dueAt { id } }
  agenda {
    version warnings markdown icalendar
    items { number kind document { id title } clauses { id number } participants { id name } }
  }
} }`;

describe('meetings: reads do not grow with the data (no N+1)', () => {
  let t: TestApp;
  let w: World;
  let previousId: string | null = null;
  let day = 0;

  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
    await createDraftInNegotiation(t, {
      eligibleKinds: [ParticipantKind.STATE],
      proposedById: w.headA.id,
      clauses: [
        { text: 'One [open] passage.', amendmentsBy: [w.stateA.id] },
        { text: 'Another [open] passage.' },
      ],
    });
    await createOpenForSignature(t, {
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
      signedBy: [w.stateA.id],
    });
  });
  afterAll(() => t.close());

  /** A chain of meetings, each with hosts, invitations, an action item due at it, and a published agenda. */
  async function addMeetings(n: number): Promise<void> {
    const staff = w.secretariat.actor;
    for (let k = 0; k < n; k++) {
      day++;
      const start = new Date(Date.UTC(2026, 0, 5) + day * 7 * 86_400_000 + 8 * 3_600_000);
      const meeting = await createTestMeeting(t, staff, {
        hostIds: [w.stateA.id, w.stateB.id],
        previousMeetingId: previousId,
        startsAt: start,
        endsAt: new Date(start.getTime() + 8 * 3_600_000),
      });
      await t
        .get(InvitationsService)
        .invite(staff, meeting.id, [w.stateA.id, w.stateB.id, w.company.id]);
      if (previousId) {
        await t.get(ActionItemsService).add(staff, {
          title: `Follow up ${day}`,
          ownerId: w.stateB.id,
          raisedAtId: previousId,
          dueAtId: meeting.id,
        });
      }
      await t.get(AgendasService).generate(staff, meeting.id);
      await t.get(AgendasService).publish(staff, meeting.id);
      previousId = meeting.id;
    }
  }

  async function statementsFor(token: string | null): Promise<number> {
    const { result, count } = await countQueries(() => t.gql(EVERYTHING, {}, token));
    ok(result);
    return count;
  }

  it('answers the full meeting list with as many statements for 15 meetings as for 3', async () => {
    await addMeetings(3);
    const small = {
      secretariat: await statementsFor(w.secretariat.token),
      delegate: await statementsFor(w.delegateA.token),
      public: await statementsFor(null),
    };
    await addMeetings(12);
    const { result } = await countQueries(() => t.gql(EVERYTHING, {}, w.secretariat.token));
    const meetings = ok(result).meetings;
    expect(meetings).toHaveLength(15);
    expect(meetings[14].agenda.items.length).toBeGreaterThan(5);
    expect(meetings[14].actionItems).toHaveLength(1);
    // DataLoader batches per tick, so two runs may cut batches differently by a statement or
    // two; one statement per meeting would add at least twelve here.
    expect(await statementsFor(w.secretariat.token)).toBeLessThanOrEqual(
      small.secretariat + BATCH_JITTER,
    );
    expect(await statementsFor(w.delegateA.token)).toBeLessThanOrEqual(
      small.delegate + BATCH_JITTER,
    );
    expect(await statementsFor(null)).toBeLessThanOrEqual(small.public + BATCH_JITTER);
  });
});
