import { AppConfig, DelegationRole, PlatformRole } from '@accord/common';
import { InvitationsService } from '@accord/meetings';
import { DeliveryService } from '@accord/notifications';
import { createMember, createParticipant, createUser, TestUser } from '../support/factories';
import { createTestMeeting, ok } from '../support/meeting-factory';
import { startSmtpSink, SmtpSink, to } from '../support/smtp-sink';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const DELIVERIES = `query($m: ID) { notificationDeliveries(meetingId: $m, first: 100) {
  id kind subject status attempts sentAt lastError recipient { id email } } }`;

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  recipient: { id: string; email: string };
}

describe('Notification delivery: retries, dead letter, several workers, a crash', () => {
  let database: { url: string; drop(): Promise<void> };
  let sink: SmtpSink;
  let main: TestApp;
  let staff: TestUser;
  const others: TestApp[] = [];

  const mail = (url: string): Partial<AppConfig> => ({
    mail: {
      smtpUrl: url,
      from: 'Accord <accord@accord.test>',
      maxAttempts: 3,
      retryDelaySeconds: 1,
      digestIntervalSeconds: 3600,
    },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    main = await createTestApp(mail(sink.url), database);
    staff = await createUser(main, { platformRole: PlatformRole.SECRETARIAT });
  });

  afterAll(async () => {
    await Promise.all(others.map((app) => app.close()));
    await main.close();
    await sink.close();
    await database.drop();
  });

  /** A participant with `members` delegates, invited to a new future meeting from `app`. */
  async function invite(app: TestApp, members = 1) {
    const participant = await createParticipant(app, staff.actor);
    const users: TestUser[] = [];
    for (let i = 0; i < members; i++)
      users.push(await createMember(app, staff.actor, participant.id, DelegationRole.DELEGATE));
    const meeting = await createTestMeeting(app, staff.actor, {
      hostIds: [participant.id],
      startsAt: new Date('2032-01-01T09:00:00Z'),
      endsAt: new Date('2032-01-01T17:00:00Z'),
    });
    await app.get(InvitationsService).invite(staff.actor, meeting.id, [participant.id]);
    return { meeting, users };
  }

  async function deliveries(meetingId: string): Promise<Delivery[]> {
    return ok(await main.gql(DELIVERIES, { m: meetingId }, staff.token)).notificationDeliveries;
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Timed out waiting for ${what}`);
  }

  it('retries with backoff when the SMTP server refuses, and sends once it accepts', async () => {
    sink.refuseNext(2);
    const { meeting, users } = await invite(main);
    await sink.waitFor((m) => to(m, users[0].email).length === 1, 'the retried invitation');
    expect(sink.refused()).toBeGreaterThanOrEqual(2);
    await until(async () => (await deliveries(meeting.id))[0]?.status === 'SENT', 'SENT');
    const [delivery] = await deliveries(meeting.id);
    expect(delivery).toMatchObject({ status: 'SENT', attempts: 3, lastError: null });
  });

  it('gives up after MAIL_MAX_ATTEMPTS: FAILED, with the server’s last answer, for the secretariat', async () => {
    sink.refuseNext(1000);
    const { meeting, users } = await invite(main);
    await until(async () => (await deliveries(meeting.id))[0]?.status === 'FAILED', 'FAILED');
    sink.refuseNext(0);
    const [delivery] = await deliveries(meeting.id);
    expect(delivery.attempts).toBe(3);
    expect(delivery.lastError).toMatch(/Try again later/);
    expect(delivery.recipient.email).toBe(users[0].email);
    expect(to(sink.messages, users[0].email)).toHaveLength(0);
  });

  it('delivers each email once with two instances working the queue, even when a job runs twice', async () => {
    const second = await createTestApp(mail(sink.url), database);
    others.push(second);
    const { meeting, users } = await invite(main, 6);
    await sink.waitFor(
      (m) => users.every((u) => to(m, u.email).length >= 1),
      'every member’s invitation',
    );
    await until(
      async () => (await deliveries(meeting.id)).every((d) => d.status === 'SENT'),
      'all SENT',
    );
    // A job delivered again (a retry after a lost acknowledgement) finds the row SENT: no email.
    const rows = await deliveries(meeting.id);
    await Promise.all(
      rows.flatMap((row) => [
        main.get(DeliveryService).deliver(row.id),
        second.get(DeliveryService).deliver(row.id),
      ]),
    );
    for (const user of users) expect(to(sink.messages, user.email)).toHaveLength(1);
  });

  it('loses nothing when the instance stops between the change and the delivery', async () => {
    // An instance that writes but does not deliver, as if it had crashed right after the commit.
    const writer = await createTestApp({ ...mail(sink.url), jobsWorkers: false }, database);
    await main.close();
    await Promise.all(others.splice(0).map((app) => app.close()));
    const { meeting, users } = await invite(writer);
    const pending = (await writer.dataSource.query(
      `SELECT status FROM notification_deliveries WHERE "meetingId" = $1`,
      [meeting.id],
    )) as { status: string }[];
    expect(pending).toEqual([{ status: 'PENDING' }]);
    await writer.close();
    main = await createTestApp(mail(sink.url), database);
    await sink.waitFor((m) => to(m, users[0].email).length === 1, 'the invitation after restart');
  });
  it('sends what the outbox holds even when the job queue lost its jobs (an old backup, emptied by hand)', async () => {
    const writer = await createTestApp({ ...mail(sink.url), jobsWorkers: false }, database);
    await main.close();
    const { users } = await invite(writer);
    await writer.dataSource.query(`DELETE FROM pgboss.job WHERE name = 'notifications.deliver'`);
    await writer.close();
    main = await createTestApp(mail(sink.url), database);
    await sink.waitFor((m) => to(m, users[0].email).length === 1, 'the invitation from the outbox');
  });
});
