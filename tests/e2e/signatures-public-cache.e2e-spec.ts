import { DocumentStatus, ParticipantKind } from '@accord/common';
import { LifecycleService } from '@accord/drafting';
import { PublicSignaturesCache, SignaturesService } from '@accord/signatures';
import { countQueries } from '../support/count-queries';
import { createDocumentInStatus, TestDocument } from '../support/document-factory';
import { createParticipant, createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Public signatories come from a per-instance cache keyed by the document's data version
 * (bumped by the database with every signature change): a read right after a change shows it,
 * on the instance that made it and on any other instance on the same database.
 */
const SIGNATORIES = `query($slug: String!) {
  document(slug: $slug) {
    status
    signatureCount
    signatures { participant { name } statement }
    all: signatures(includeWithdrawn: true) { participant { name } withdrawnAt }
  }
}`;

type Signatories = {
  document: {
    status: DocumentStatus;
    signatureCount: number;
    signatures: { participant: { name: string }; statement: string | null }[];
    all: { participant: { name: string }; withdrawnAt: string | null }[];
  } | null;
};

describe('signatures: the public cache follows every change, on every instance', () => {
  let a: TestApp;
  let b: TestApp;
  let w: World;
  let doc: TestDocument;

  const read = async (app: TestApp, slug = doc.slug) => {
    const res = await app.gql<Signatories>(SIGNATORIES, { slug });
    expect(res.errors).toBeUndefined();
    return res.data!.document;
  };
  const names = (list: { participant: { name: string } }[]) => list.map((s) => s.participant.name);

  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    a = await createTestApp({ jobsWorkers: false });
    // A second instance on the same database: its own cache, its own LISTEN connection.
    b = await createTestApp(
      { jobsWorkers: false },
      { url: a.databaseUrl, drop: async () => undefined },
    );
    w = await createWorld(a);
    doc = await createDocumentInStatus(a, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
    });
    await a.get(SignaturesService).sign(w.headA.actor, { documentId: doc.id });
    // As if B's LISTEN connection were down (notifications sent meanwhile are lost): B hears
    // of no change, and only the version read with each request keeps it exact.
    b.get(PublicSignaturesCache).onModuleDestroy();
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers a repeated public read without reading signatures or signers again', async () => {
    expect(names((await read(b))!.signatures)).toEqual([w.stateA.name]);
    const { result, statements } = await countQueries(() => read(b));
    expect(names(result!.signatures)).toEqual([w.stateA.name]);
    expect(statements.filter((s) => /FROM "?(signatures|participants)"?/i.test(s))).toEqual([]);
  });

  it('shows a new signature at once, on the instance that recorded it and on another', async () => {
    expect((await read(a))!.signatureCount).toBe(1);
    expect((await read(b))!.signatureCount).toBe(1);
    await a.get(SignaturesService).record(w.secretariat.actor, {
      documentId: doc.id,
      participantId: w.stateB.id,
      statement: 'Recorded at the conference',
    });
    for (const app of [b, a]) {
      const document = (await read(app))!;
      expect(document.signatureCount).toBe(2);
      expect(names(document.signatures)).toEqual([w.stateA.name, w.stateB.name]);
      expect(document.signatures[1].statement).toBe('Recorded at the conference');
    }
  });

  it('shows a withdrawal at once on another instance', async () => {
    await read(b);
    const company = await a
      .get(SignaturesService)
      .record(w.secretariat.actor, { documentId: doc.id, participantId: w.company.id });
    expect(names((await read(b))!.signatures)).toContain(w.company.name);
    await a.get(SignaturesService).withdraw(w.secretariat.actor, {
      signatureId: company.id,
      reason: 'Board decision',
    });
    const document = (await read(b))!;
    expect(names(document.signatures)).not.toContain(w.company.name);
    expect(document.all.find((s) => s.participant.name === w.company.name)!.withdrawnAt).not.toBe(
      null,
    );
  });

  it('shows a closed text as closed at once on another instance, signatures unchanged', async () => {
    const before = (await read(b))!;
    await a.get(LifecycleService).close(w.secretariat.actor, doc.id);
    const after = (await read(b))!;
    expect(after.status).toBe(DocumentStatus.CLOSED);
    expect(names(after.signatures)).toEqual(names(before.signatures));
  });

  it('frees an entry on the other instance when the database announces the change', async () => {
    const other = await createDocumentInStatus(a, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE],
    });
    await b.get(PublicSignaturesCache).onModuleInit();
    await read(b, other.slug);
    const cache = b.get(PublicSignaturesCache).entries;
    const size = cache.size;
    await a.get(SignaturesService).sign(w.headB.actor, { documentId: other.id });
    const deadline = Date.now() + 10_000;
    while (cache.size >= size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(cache.size).toBe(size - 1);
  });

  it('never holds or shows the signatures of a text the public may not read', async () => {
    const draft = await createDocumentInStatus(a, {
      status: DocumentStatus.NEGOTIATION,
      eligibleKinds: [ParticipantKind.STATE],
    });
    // Not possible through the API (drafts are not signed): written directly, as a worst case.
    const someone = await createParticipant(a, w.secretariat.actor, { name: 'Draft Signer' });
    await a.dataSource.query(
      `INSERT INTO signatures ("documentId", "participantId", "signedAt", "textHash")
       VALUES ($1, $2, now(), repeat('0', 64))`,
      [draft.id, someone.id],
    );
    const staff = await b.tokenFor(w.secretariat.id);
    const cache = b.get(PublicSignaturesCache).entries;
    const size = cache.size;
    const staffRead = await b.gql<Signatories>(SIGNATORIES, { slug: draft.slug }, staff);
    expect(names(staffRead.data!.document!.signatures)).toEqual(['Draft Signer']);
    expect(cache.size).toBe(size);
    expect(await read(b, draft.slug)).toBeNull();
    // Reached through a signature instead of by slug: still nothing for the public.
    const viaParticipant = await b.gql(
      `query($id: ID!) { participant(id: $id) { signatures { document { signatures { id } } } } }`,
      { id: someone.id },
    );
    expect(JSON.stringify(viaParticipant.data)).not.toContain('"signatures":[{');
  });
});
