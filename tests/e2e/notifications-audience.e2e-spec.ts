import { DeliveryService, NotificationsService } from '@accord/notifications';
import request from 'supertest';
import { createWorld, World } from '../support/factories';
import { startSmtpSink, SmtpSink, to } from '../support/smtp-sink';
import { createTestApp, TestApp } from '../support/test-app';
import { advanceTo, createDraft, ok, PROPOSE } from './drafting-fixtures';

const DELIVERIES = `query($d: ID) { notificationDeliveries(documentId: $d, first: 50) { recipient { id } status lastError } }`;

/** Written at the change, sent later: the audience is checked again when the email goes out. */
describe('Notifications: the audience at delivery, preferences input', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let w: World;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({
      mail: {
        smtpUrl: sink.url,
        from: 'Accord <accord@accord.test>',
        maxAttempts: 3,
        retryDelaySeconds: 1,
        // The digest waits: the test sends it itself, after the audience changed.
        digestIntervalSeconds: 3600,
      },
    });
    w = await createWorld(t);
  });

  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('sends no digest of a draft to a user removed from their delegation or disabled since the amendment', async () => {
    const draft = await createDraft(t, w.secretariat.token, { eligibleKinds: ['STATE'] });
    await advanceTo(t, w.secretariat.token, draft.id, 'NEGOTIATION');
    ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId: draft.clauses[0].id, kind: 'REPLACE', text: 'Secret words.' } },
        w.delegateA.token,
      ),
    );
    ok(
      await t.gql(
        `mutation($p: ID!, $u: ID!) { removeDelegationMember(participantId: $p, userId: $u) }`,
        { p: w.stateB.id, u: w.delegateB.id },
        w.secretariat.token,
      ),
    );
    await t.dataSource.query(`UPDATE users SET "disabledAt" = now() WHERE id = $1`, [w.headB.id]);

    const delivery = t.get(DeliveryService);
    for (const user of [w.delegateB, w.headB, w.observerA]) await delivery.deliverDigest(user.id);

    await sink.waitFor((m) => to(m, w.observerA.email).length === 1, 'the digest still due');
    expect(to(sink.messages, w.observerA.email)[0].text).toContain('Secret words.');
    expect(to(sink.messages, w.delegateB.email)).toHaveLength(0);
    expect(to(sink.messages, w.headB.email)).toHaveLength(0);
    const rows = ok(await t.gql(DELIVERIES, { d: draft.id }, w.secretariat.token))
      .notificationDeliveries as { recipient: { id: string }; status: string; lastError: string }[];
    for (const user of [w.delegateB, w.headB]) {
      expect(rows.find((r) => r.recipient.id === user.id)).toMatchObject({
        status: 'FAILED',
        lastError: expect.stringMatching(/no longer read/),
      });
    }
  });

  it('refuses a kind named twice in setNotificationPreferences, naming the field', async () => {
    const res = await t.gql(
      `mutation($p: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $p) { kind email } }`,
      {
        p: [
          { kind: 'AMENDMENT_PROPOSED', email: false },
          { kind: 'AMENDMENT_PROPOSED', email: true },
        ],
      },
      w.delegateA.token,
    );
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/AMENDMENT_PROPOSED.*twice/),
      extensions: { code: 'BAD_USER_INPUT', field: 'preferences' },
    });
  });

  it('takes an empty list in setNotificationPreferences as no change', async () => {
    const res = await t.gql(
      `mutation { setNotificationPreferences(preferences: []) { kind email } }`,
      {},
      w.observerA.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.setNotificationPreferences).toContainEqual({
      kind: 'COMMENT_REPLY',
      email: true,
    });
  });

  it('lets the unsubscribe page’s button post (its CSP allows the form), and only the POST unsubscribes', async () => {
    const link = new URL(t.get(NotificationsService).unsubscribeUrl(w.headA.id));
    const path = `${link.pathname}${link.search}`;
    const prefs = async () =>
      ok(await t.gql(`{ myNotificationPreferences { kind email } }`, {}, w.headA.token))
        .myNotificationPreferences;

    const page = await request(t.http).get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    // A browser submits the form only where form-action allows this origin.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/form-action 'self'/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(await prefs()).toContainEqual({ kind: 'AMENDMENT_PROPOSED', email: true });

    // What the button sends: a form POST to the page's own URL; the person sees a page.
    const res = await request(t.http)
      .post(path)
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
      .type('form')
      .send('');
    expect({ status: res.status, type: res.type }).toEqual({ status: 200, type: 'text/html' });
    expect(res.text).toContain('no longer receive the digest emails');
    expect(await prefs()).toContainEqual({ kind: 'AMENDMENT_PROPOSED', email: false });
  });
});
