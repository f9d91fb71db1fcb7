import { PUB_SUB } from '@accord/common';
import { ParticipantsService } from '@accord/participants';
import { createClient, Client } from 'graphql-ws';
import { PubSubEngine } from 'graphql-subscriptions';
import WebSocket from 'ws';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { createWorld, World } from '../support/factories';
import {
  ADD_COMMENT,
  createDraft,
  draftIn,
  ok,
  PROPOSE,
  transition,
  UPDATE_CLAUSE,
  WITHDRAW,
} from './drafting-fixtures';

const DOCUMENT_CHANGED = `subscription($id: ID!) {
  documentChanged(documentId: $id) { id status version clauses { id text } amendments { id status } }
}`;

interface ChangedDocument {
  id: string;
  status: string;
  version: number;
  clauses: { id: string; text: string }[];
  amendments: { id: string; status: string }[];
}

/** A graphql-ws subscriber whose events can be awaited one by one. */
class Subscriber {
  readonly events: ChangedDocument[] = [];
  error: unknown = null;
  private waiters: (() => void)[] = [];
  private readonly client: Client;
  private readonly done: Promise<void>;

  constructor(t: TestApp, token: string | null, documentId: string) {
    this.client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    this.done = new Promise((resolve) => {
      this.client.subscribe<{ documentChanged: ChangedDocument }>(
        { query: DOCUMENT_CHANGED, variables: { id: documentId } },
        {
          next: (result) => {
            if (result.errors) this.error = result.errors;
            else this.events.push(result.data!.documentChanged);
            this.wake();
          },
          error: (error) => {
            this.error = error;
            this.wake();
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
  }

  /** The first event (after `from`) matching `predicate`. */
  async next(
    predicate: (doc: ChangedDocument) => boolean = () => true,
    from = 0,
  ): Promise<ChangedDocument> {
    for (;;) {
      const found = this.events.slice(from).find(predicate);
      if (found) return found;
      if (this.error) throw new Error(`subscription failed: ${JSON.stringify(this.error)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves with the errors of a subscription the server refused. */
  async refusal(): Promise<unknown> {
    await this.done;
    return this.error;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

/**
 * Subscriptions start listening a moment after the client sends them: nudge (a bare
 * notification, no change) until a first event arrives, so that the change under test is not
 * lost before the subscriber listens.
 */
async function ready(app: TestApp, subscribers: Subscriber[], documentId: string): Promise<void> {
  const pubSub = app.app.get<PubSubEngine>(PUB_SUB);
  for (const subscriber of subscribers) {
    let received = false;
    const first = subscriber.next().then(() => (received = true));
    while (!received) {
      await pubSub.publish('documentChanged', { documentId });
      await Promise.race([first, new Promise((r) => setTimeout(r, 50))]);
    }
  }
}

describe('drafting: documentChanged over graphql-ws', () => {
  let t: TestApp;
  let w: World;
  const open: Subscriber[] = [];
  const subscribe = (app: TestApp, token: string | null, documentId: string) => {
    const subscriber = new Subscriber(app, token, documentId);
    open.push(subscriber);
    return subscriber;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(() => t.close());

  it('tells a delegate of every text, amendment and status change, with the current document', async () => {
    const draft = await createDraft(t, w.secretariat.token, {
      clauses: [{ text: 'States will act.' }],
    });
    const subscriber = subscribe(t, w.delegateA.token, draft.id);
    await ready(t, [subscriber], draft.id);

    ok(
      await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: draft.clauses[0].id, text: 'States shall act.', expectedVersion: 1 } },
        w.headB.token,
      ),
    );
    const edited = await subscriber.next((d) => d.version === 2);
    expect(edited.clauses[0].text).toBe('States shall act.');

    ok(await t.gql(transition('openNegotiation'), { id: draft.id }, w.secretariat.token));
    expect((await subscriber.next((d) => d.status === 'NEGOTIATION')).id).toBe(draft.id);

    const { id } = ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId: draft.clauses[0].id, kind: 'DELETE' } },
        w.headB.token,
      ),
    ).proposeAmendment;
    const proposed = await subscriber.next((d) => d.amendments.length === 1);
    expect(proposed.amendments).toEqual([{ id, status: 'PROPOSED' }]);

    ok(await t.gql(ADD_COMMENT, { clauseId: draft.clauses[0].id, body: 'Really?' }, w.headA.token));
    const count = subscriber.events.length;
    ok(
      await t.gql(
        'mutation($id: ID!) { acceptAmendment(amendmentId: $id) { id } }',
        { id },
        w.secretariat.token,
      ),
    );
    const accepted = await subscriber.next((d) => d.clauses.length === 0, count);
    expect(accepted).toMatchObject({ version: 3, amendments: [{ id, status: 'ACCEPTED' }] });
  });

  it('sends only the subscribed document’s changes', async () => {
    const watched = await createDraft(t, w.secretariat.token);
    const other = await createDraft(t, w.secretariat.token);
    const subscriber = subscribe(t, w.observerA.token, watched.id);
    await ready(t, [subscriber], watched.id);
    ok(
      await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: other.clauses[0].id, text: 'Other.', expectedVersion: 1 } },
        w.secretariat.token,
      ),
    );
    ok(
      await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: watched.clauses[0].id, text: 'Watched.', expectedVersion: 1 } },
        w.secretariat.token,
      ),
    );
    // NOTIFY keeps order: once the second change arrives, the first would have come before it.
    expect((await subscriber.next((d) => d.version === 2)).clauses[0].text).toBe('Watched.');
    expect(subscriber.events.every((d) => d.id === watched.id)).toBe(true);
  });

  it('refuses a subscription to a draft the caller may not see', async () => {
    const draft = await createDraft(t, w.secretariat.token);
    for (const token of [w.companyDelegate.token, w.outsider.token, null]) {
      const subscriber = subscribe(t, token, draft.id);
      expect(JSON.stringify(await subscriber.refusal())).toMatch(/Document not found/);
      expect(subscriber.events).toEqual([]);
    }
  });

  it('lets the public follow an adopted document', async () => {
    const draft = await draftIn(t, w.secretariat.token, 'ADOPTED');
    const subscriber = subscribe(t, null, draft.id);
    await ready(t, [subscriber], draft.id);
    ok(await t.gql(transition('openForSignature'), { id: draft.id }, w.secretariat.token));
    expect((await subscriber.next((d) => d.status === 'OPEN_FOR_SIGNATURE')).id).toBe(draft.id);
  });

  it('stops telling a member removed from the delegation about the draft, until it is public', async () => {
    const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
    const staying = subscribe(t, w.headA.token, draft.id);
    const leaving = subscribe(t, w.delegateB.token, draft.id);
    await ready(t, [staying, leaving], draft.id);
    const { id } = ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId: draft.clauses[0].id, kind: 'DELETE' } },
        w.delegateA.token,
      ),
    ).proposeAmendment;
    await leaving.next((d) => d.amendments.length === 1);

    await t.get(ParticipantsService).removeMember(w.secretariat.actor, w.stateB.id, w.delegateB.id);
    ok(await t.gql(WITHDRAW, { id }, w.delegateA.token));
    await staying.next((d) => d.amendments[0]?.status === 'WITHDRAWN');
    ok(await t.gql(transition('adoptDocument'), { id: draft.id }, w.secretariat.token));
    await staying.next((d) => d.status === 'ADOPTED');

    // The adoption made the text public, so the removed member hears of it, as the public:
    // without the negotiation record.
    expect(await leaving.next((d) => d.status === 'ADOPTED')).toMatchObject({ amendments: [] });
    // The withdrawal, made after the removal while the text was still a draft, never reached it.
    const drafts = leaving.events.filter((d) => d.status === 'NEGOTIATION');
    expect(drafts.flatMap((d) => d.amendments).every((a) => a.status === 'PROPOSED')).toBe(true);
    expect(leaving.error).toBeNull();
  });
});

describe('drafting: documentChanged across API instances', () => {
  it('reaches a subscriber of one instance when the change is made through another, via PostgreSQL NOTIFY', async () => {
    const database = await createTestDatabase();
    const first = await createTestApp({}, database);
    const second = await createTestApp({}, database);
    let subscriber: Subscriber | null = null;
    try {
      const w = await createWorld(first);
      const draft = await createDraft(first, w.secretariat.token, {
        clauses: [{ text: 'Before.' }],
      });
      subscriber = new Subscriber(second, w.delegateA.token, draft.id);
      // Nudged through the first instance: the subscriber on the second hears it only through the database.
      await ready(first, [subscriber], draft.id);
      ok(
        await first.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: draft.clauses[0].id, text: 'After.', expectedVersion: 1 } },
          w.delegateB.token,
        ),
      );
      const event = await subscriber.next((d) => d.version === 2);
      expect(event.clauses[0].text).toBe('After.');
    } finally {
      await subscriber?.close();
      await second.close();
      await first.close();
      await database.drop();
    }
  });
});
