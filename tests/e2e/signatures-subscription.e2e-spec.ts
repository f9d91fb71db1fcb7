import { DocumentStatus, ParticipantKind, PUB_SUB } from '@accord/common';
import { SIGNATURE_ADDED, SignaturesService } from '@accord/signatures';
import { Client, createClient } from 'graphql-ws';
import { PubSubEngine } from 'graphql-subscriptions';
import WebSocket from 'ws';
import { createDocumentInStatus } from '../support/document-factory';
import { createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const SIGNATURE_ADDED_SUBSCRIPTION = `subscription($documentId: ID!) {
  signatureAdded(documentId: $documentId) {
    id textHash participant { id } signedBy { id } document { id signatureCount }
  }
}`;

interface Event {
  id: string;
  textHash: string;
  participant: { id: string };
  signedBy: { id: string } | null;
  document: { id: string; signatureCount: number };
}

describe('signatures: the signatureAdded subscription over graphql-ws', () => {
  let t: TestApp;
  let w: World;
  let service: SignaturesService;
  const clients: Client[] = [];
  let subscribed: { count: number; waiters: (() => void)[] };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    service = t.get(SignaturesService);
    // The server registers a subscriber only once graphql-ws has run the subscribe resolver;
    // counting registrations tells the test when an event can no longer be missed.
    subscribed = { count: 0, waiters: [] };
    const pubSub = t.app.get<PubSubEngine>(PUB_SUB);
    const original = pubSub.subscribe.bind(pubSub);
    jest.spyOn(pubSub, 'subscribe').mockImplementation(async (trigger, onMessage, options) => {
      const id = await original(trigger, onMessage, options);
      if (trigger === SIGNATURE_ADDED) {
        subscribed.count++;
        subscribed.waiters.splice(0).forEach((resolve) => resolve());
      }
      return id;
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => t.close());

  function connect(token: string | null): Client {
    const client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  async function untilSubscribed(total: number): Promise<void> {
    while (subscribed.count < total) {
      await new Promise<void>((resolve) => subscribed.waiters.push(resolve));
    }
  }

  /** Starts a subscription and returns a function that reads its next event. */
  async function subscribe(client: Client, documentId: string) {
    const before = subscribed.count;
    const iterator = client.iterate<{ signatureAdded: Event }>({
      query: SIGNATURE_ADDED_SUBSCRIPTION,
      variables: { documentId },
    });
    const first = iterator.next();
    await untilSubscribed(before + 1);
    let pending: typeof first | null = first;
    return async (): Promise<Event> => {
      const result = await (pending ?? iterator.next());
      pending = null;
      expect(result.value.errors).toBeUndefined();
      return result.value.data!.signatureAdded;
    };
  }

  const openDocument = () =>
    createDocumentInStatus(t, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE],
    });

  it('tells an anonymous subscriber of each new signature, signed or recorded, after it is committed', async () => {
    const doc = await openDocument();
    const next = await subscribe(connect(null), doc.id);

    const signed = await service.sign(w.headA.actor, { documentId: doc.id });
    expect(await next()).toEqual({
      id: signed.id,
      textHash: doc.adoptedHash,
      participant: { id: w.stateA.id },
      signedBy: null,
      document: { id: doc.id, signatureCount: 1 },
    });

    const recorded = await service.record(w.secretariat.actor, {
      documentId: doc.id,
      participantId: w.stateB.id,
    });
    // Each event is read afresh: the count is the current one, not the first event's.
    expect(await next()).toMatchObject({
      id: recorded.id,
      document: { signatureCount: 2 },
    });
  });

  it('delivers only the subscribed document’s signatures, with the signer to a signed-in subscriber', async () => {
    const [watched, other] = [await openDocument(), await openDocument()];
    const next = await subscribe(connect(w.delegateB.token), watched.id);
    await service.sign(w.headA.actor, { documentId: other.id });
    const signed = await service.sign(w.headA.actor, { documentId: watched.id });
    expect(await next()).toMatchObject({ id: signed.id, signedBy: { id: w.headA.id } });
  });

  it('sends the event of a signature made through the GraphQL mutation', async () => {
    const doc = await openDocument();
    const next = await subscribe(connect(w.secretariat.token), doc.id);
    const res = await t.gql(
      'mutation($id: ID!) { signDocument(documentId: $id) { id } }',
      { id: doc.id },
      w.headB.token,
    );
    expect(await next()).toMatchObject({ id: res.data!.signDocument.id });
  });

  it('refuses to subscribe to a document the subscriber may not see, or that does not exist', async () => {
    const draft = await createDocumentInStatus(t, {
      status: DocumentStatus.NEGOTIATION,
      eligibleKinds: [ParticipantKind.STATE],
    });
    for (const documentId of [draft.id, '00000000-0000-4000-8000-000000000000']) {
      const iterator = connect(null).iterate({
        query: SIGNATURE_ADDED_SUBSCRIPTION,
        variables: { documentId },
      });
      const { value } = await iterator.next();
      expect(value.data ?? null).toBeNull();
      expect(value.errors).toEqual([
        expect.objectContaining({
          message: 'Document not found',
          extensions: expect.objectContaining({ code: 'NOT_FOUND', field: 'documentId' }),
        }),
      ]);
    }
  });

  it('lets a member of an eligible delegation subscribe to a document in negotiation', async () => {
    const draft = await createDocumentInStatus(t, {
      status: DocumentStatus.NEGOTIATION,
      eligibleKinds: [ParticipantKind.STATE],
    });
    const before = subscribed.count;
    const iterator = connect(w.delegateA.token).iterate({
      query: SIGNATURE_ADDED_SUBSCRIPTION,
      variables: { documentId: draft.id },
    });
    const refusal = iterator.next().then((result) => {
      throw new Error(`Subscription ended: ${JSON.stringify(result.value)}`);
    });
    await Promise.race([untilSubscribed(before + 1), refusal]);
    expect(subscribed.count).toBe(before + 1);
  });

  it('refuses a connection whose token is not valid', async () => {
    const iterator = connect('not-a-token').iterate({
      query: SIGNATURE_ADDED_SUBSCRIPTION,
      variables: { documentId: '00000000-0000-4000-8000-000000000000' },
    });
    await expect(iterator.next()).rejects.toMatchObject({ code: 4403 });
  });
});
