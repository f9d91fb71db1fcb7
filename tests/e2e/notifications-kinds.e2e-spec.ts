import { DelegationRole, MeetingStatus, NotificationKind, TransactionHost } from '@accord/common';
import { NotificationsService } from '@accord/notifications';
import { AgendasService, InvitationsService, MeetingsService } from '@accord/meetings';
import { PasswordsService } from '@accord/auth';
import { ParsedMail } from 'mailparser';
import * as ical from 'node-ical';
import request from 'supertest';
import { createMember, createWorld, World } from '../support/factories';
import { createTestMeeting } from '../support/meeting-factory';
import { startSmtpSink, SmtpSink, to } from '../support/smtp-sink';
import { createTestApp, TestApp } from '../support/test-app';
import { ADD_COMMENT, advanceTo, createDraft, ok, PROPOSE } from './drafting-fixtures';

const SIGN = `mutation($input: RecordSignatureInput!) { recordSignature(input: $input) { id } }`;

function calendarOf(mail: ParsedMail): { method: string; events: ical.VEvent[] } {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part).toBeDefined();
  const text = part!.content.toString('utf8');
  const parsed = ical.sync.parseICS(text);
  return {
    method: /^METHOD:(.+)$/m.exec(text)?.[1].trim() ?? '',
    events: Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT'),
  };
}

describe('Notification emails: each kind, parsed back', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let w: World;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({
      mail: {
        smtpUrl: sink.url,
        from: 'Pall Mall Process <no-reply@accord.test>',
        maxAttempts: 3,
        retryDelaySeconds: 1,
        digestIntervalSeconds: 2,
      },
    });
    w = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('invites the heads and delegates with a METHOD:REQUEST calendar, then updates and cancels with the same UID', async () => {
    const meeting = await createTestMeeting(t, w.secretariat.actor, {
      hostIds: [w.stateA.id],
      startsAt: new Date('2030-03-04T09:00:00Z'),
      endsAt: new Date('2030-03-05T17:00:00Z'),
      timezone: 'Europe/Paris',
      city: 'Paris',
    });
    await t.get(InvitationsService).invite(w.secretariat.actor, meeting.id, [w.stateA.id]);
    // One email per recipient, each its own job: wait for both.
    await sink.waitFor(
      (m) => to(m, w.delegateA.email).length >= 1 && to(m, w.headA.email).length >= 1,
      'the invitations of the delegate and the head',
    );
    const [invitation] = to(sink.messages, w.delegateA.email);
    expect(invitation.subject).toBe(`Invitation: ${meeting.title}`);
    expect(invitation.from?.text).toContain('no-reply@accord.test');
    expect(invitation.text).toContain('Paris');
    expect(invitation.html).toContain('<p>');
    const request = calendarOf(invitation);
    expect(request.method).toBe('REQUEST');
    expect(request.events).toHaveLength(1);
    const uid = request.events[0].uid;
    expect(new Date(request.events[0].start).toISOString()).toBe('2030-03-04T09:00:00.000Z');
    expect(to(sink.messages, w.headA.email)).toHaveLength(1);
    // Observers are not invited.
    expect(to(sink.messages, w.observerA.email)).toHaveLength(0);

    await t.get(MeetingsService).update(w.secretariat.actor, {
      id: meeting.id,
      startsAt: new Date('2030-03-04T10:00:00Z'),
    });
    await sink.waitFor((m) => to(m, w.delegateA.email).length >= 2, 'the update');
    const update = to(sink.messages, w.delegateA.email)[1];
    expect(update.subject).toBe(`Updated: ${meeting.title}`);
    const updated = calendarOf(update);
    expect(updated.method).toBe('REQUEST');
    expect(updated.events[0].uid).toBe(uid);
    expect(Number(updated.events[0].sequence)).toBeGreaterThanOrEqual(
      Number(request.events[0].sequence),
    );

    await t
      .get(MeetingsService)
      .setStatus(w.secretariat.actor, meeting.id, MeetingStatus.CANCELLED);
    await sink.waitFor((m) => to(m, w.delegateA.email).length >= 3, 'the cancellation');
    const cancel = calendarOf(to(sink.messages, w.delegateA.email)[2]);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0].uid).toBe(uid);
  });

  it('sends the published agenda with its .ics and PDF attached', async () => {
    const meeting = await createTestMeeting(t, w.secretariat.actor, {
      hostIds: [w.stateB.id],
      startsAt: new Date('2030-05-04T08:00:00Z'),
      endsAt: new Date('2030-05-04T16:00:00Z'),
    });
    await t.get(InvitationsService).invite(w.secretariat.actor, meeting.id, [w.stateB.id]);
    await t.get(AgendasService).generate(w.secretariat.actor, meeting.id);
    await t.get(AgendasService).publish(w.secretariat.actor, meeting.id);
    await sink.waitFor(
      (m) => to(m, w.delegateB.email).some((x) => x.subject?.startsWith('Agenda published')),
      'the agenda',
    );
    const mail = to(sink.messages, w.delegateB.email).find((x) =>
      x.subject?.startsWith('Agenda published'),
    )!;
    const names = mail.attachments.map((a) => `${a.filename} ${a.contentType}`);
    expect(names).toEqual(expect.arrayContaining(['agenda.pdf application/pdf']));
    const pdf = mail.attachments.find((a) => a.filename === 'agenda.pdf')!;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const ics = calendarOf(mail);
    expect(ics.events.length).toBeGreaterThan(1);
  });

  it('tells the audience of a text it was adopted and opened for signature, and a delegation its signature; never a company about a States-only text', async () => {
    const draft = await createDraft(t, w.secretariat.token, { eligibleKinds: ['STATE'] });
    await advanceTo(t, w.secretariat.token, draft.id, 'OPEN_FOR_SIGNATURE');
    await sink.waitFor(
      (m) => to(m, w.delegateA.email).some((x) => x.subject?.startsWith('Open for signature')),
      'open for signature',
    );
    const mine = to(sink.messages, w.delegateA.email).map((m) => m.subject);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Adopted: /),
        expect.stringMatching(/^Open for signature: /),
      ]),
    );
    ok(
      await t.gql(
        SIGN,
        { input: { documentId: draft.id, participantId: w.stateA.id } },
        w.secretariat.token,
      ),
    );
    await sink.waitFor(
      (m) => to(m, w.headA.email).some((x) => x.subject?.startsWith('Signature recorded')),
      'signature recorded',
    );
    expect(
      to(sink.messages, w.headB.email).some((x) => x.subject?.startsWith('Signature recorded')),
    ).toBe(false);
    expect(to(sink.messages, w.companyDelegate.email)).toHaveLength(0);
  });

  it('sends amendments and replies as one digest, with a one-click unsubscribe, and nothing to a company about a States-only draft', async () => {
    const draft = await createDraft(t, w.secretariat.token, { eligibleKinds: ['STATE'] });
    await advanceTo(t, w.secretariat.token, draft.id, 'NEGOTIATION');
    const clauseId = draft.clauses[0].id;
    ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId, kind: 'REPLACE', text: 'Better words.' } },
        w.delegateA.token,
      ),
    );
    const comment = ok(
      await t.gql(ADD_COMMENT, { clauseId, body: 'Why?' }, w.delegateB.token),
    ).addComment;
    ok(
      await t.gql(
        ADD_COMMENT,
        { clauseId, body: 'Because.', parentId: comment.id },
        w.delegateA.token,
      ),
    );
    await sink.waitFor(
      (m) =>
        to(m, w.delegateB.email).some((x) => x.headers.get('x-accord-notification') === 'DIGEST'),
      'the digest',
    );
    const digests = to(sink.messages, w.delegateB.email).filter(
      (x) => x.headers.get('x-accord-notification') === 'DIGEST',
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toMatch(/2 updates/);
    expect(digests[0].text).toContain('Better words.');
    expect(digests[0].text).toContain('Because.');
    // mailparser folds List-* headers into one object: read the raw lines.
    const line = (key: string) => digests[0].headerLines.find((h) => h.key === key)?.line;
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const link =
      /^List-Unsubscribe:\s*<(http:\/\/[^>]+\/notifications\/unsubscribe\?token=[^>]+)>/.exec(
        line('list-unsubscribe') ?? '',
      );
    expect(link).not.toBeNull();
    // The one-click POST a mail client makes (RFC 8058) turns the digest kinds off.
    const { pathname, search } = new URL(link![1]);
    const res = await request(t.http)
      .post(`${pathname}${search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    const prefs = ok(
      await t.gql(`{ myNotificationPreferences { kind email } }`, {}, w.delegateB.token),
    );
    expect(prefs.myNotificationPreferences).toContainEqual({
      kind: 'AMENDMENT_PROPOSED',
      email: false,
    });
    expect(prefs.myNotificationPreferences).toContainEqual({ kind: 'COMMENT_REPLY', email: false });
    expect(to(sink.messages, w.companyDelegate.email)).toHaveLength(0);
  });

  it('announces a silence procedure (the port the silence library calls) with its deadline in the announced zone and in the recipient’s own', async () => {
    const refused = await t.gql(
      `mutation { setMyTimezone(timezone: "Mars/Olympus_Mons") { timezone } }`,
      {},
      w.headB.token,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timezone',
    });
    const set = ok(
      await t.gql(
        `mutation { setMyTimezone(timezone: "america/new_york") { timezone } }`,
        {},
        w.headB.token,
      ),
    );
    expect(set.setMyTimezone.timezone).toBe('America/New_York');
    expect(ok(await t.gql(`{ me { timezone } }`, {}, w.headB.token)).me.timezone).toBe(
      'America/New_York',
    );
    const draft = await createDraft(t, w.secretariat.token, { eligibleKinds: ['STATE'] });
    await t.get(TransactionHost).withTransaction(() =>
      t
        .get(NotificationsService)
        .notifyDocumentAudience(NotificationKind.SILENCE_STARTED, draft.id, {
          deadline: '2030-06-01T15:00:00Z',
          deadlineTimezone: 'Europe/Paris',
        }),
    );
    const announced = (m: typeof sink.messages, email: string) =>
      to(m, email).some((x) => x.subject?.startsWith('Silence procedure'));
    await sink.waitFor(
      (m) => announced(m, w.headB.email) && announced(m, w.headA.email),
      'the silence announcements',
    );
    const mail = to(sink.messages, w.headB.email).find((x) =>
      x.subject?.startsWith('Silence procedure'),
    )!;
    expect(mail.text).toContain('17:00'); // Paris, summer time
    expect(mail.text).toContain('11:00'); // the recipient's New York, summer time
    expect(mail.text).toContain('America/New_York');
    // A recipient who chose no zone reads the deadline in UTC as well.
    const other = to(sink.messages, w.headA.email).find((x) =>
      x.subject?.startsWith('Silence procedure'),
    );
    expect(other?.text).toContain('15:00');
    expect(to(sink.messages, w.companyDelegate.email)).toHaveLength(0);
  });

  it('writes in French to a user who reads French, and sends a reset link, never a password', async () => {
    const member = await createMember(t, w.secretariat.actor, w.stateA.id, DelegationRole.DELEGATE);
    ok(await t.gql(`mutation { setMyLanguage(language: "fr") { id language } }`, {}, member.token));
    const ticket = await t.get(PasswordsService).issueReset(w.secretariat.actor, member.id);
    await sink.waitFor((m) => to(m, member.email).length >= 1, 'the reset email');
    const [mail] = to(sink.messages, member.email);
    expect(mail.subject).toMatch(/Votre compte Accord|Réinitialiser/);
    expect(mail.text).toContain(encodeURIComponent(ticket.token));
    expect(mail.text).not.toMatch(/correct horse/);
  });

  it('honours preferences: a kind turned off is not sent', async () => {
    const member = await createMember(t, w.secretariat.actor, w.stateB.id, DelegationRole.DELEGATE);
    ok(
      await t.gql(
        `mutation($p: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $p) { kind email } }`,
        { p: [{ kind: 'MEETING_INVITATION', email: false }] },
        member.token,
      ),
    );
    const prefs = ok(await t.gql(`{ myNotificationPreferences { kind email } }`, {}, member.token));
    expect(prefs.myNotificationPreferences).toContainEqual({
      kind: 'MEETING_INVITATION',
      email: false,
    });
    const meeting = await createTestMeeting(t, w.secretariat.actor, {
      hostIds: [w.stateB.id],
      startsAt: new Date('2031-01-04T08:00:00Z'),
      endsAt: new Date('2031-01-04T16:00:00Z'),
    });
    await t.get(InvitationsService).invite(w.secretariat.actor, meeting.id, [w.stateB.id]);
    await sink.waitFor(
      (m) => to(m, w.headB.email).some((x) => x.subject === `Invitation: ${meeting.title}`),
      'the head’s invitation',
    );
    const deliveries = ok(
      await t.gql(
        `query($m: ID) { notificationDeliveries(meetingId: $m, first: 50) { kind status recipient { id } } }`,
        { m: meeting.id },
        w.secretariat.token,
      ),
    ).notificationDeliveries as { recipient: { id: string } }[];
    expect(deliveries.map((d) => d.recipient.id)).not.toContain(member.id);
    expect(deliveries.map((d) => d.recipient.id)).toContain(w.headB.id);
  });
  it('shows the secretariat the deliveries by document or recipient, bounded, and nobody else', async () => {
    const q = `query($d: ID, $r: ID, $first: Int) {
      notificationDeliveries(documentId: $d, recipientId: $r, first: $first) { kind status recipient { id } } }`;
    const byRecipient = ok(await t.gql(q, { r: w.delegateA.id }, w.secretariat.token))
      .notificationDeliveries as { kind: string; recipient: { id: string } }[];
    expect(byRecipient.length).toBeGreaterThan(0);
    expect(byRecipient.every((d) => d.recipient.id === w.delegateA.id)).toBe(true);
    expect(byRecipient.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['MEETING_INVITATION', 'DOCUMENT_ADOPTED']),
    );
    const tooMany = await t.gql(q, { first: 500 }, w.secretariat.token);
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    const forbidden = await t.gql(q, {}, w.delegateA.token);
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
