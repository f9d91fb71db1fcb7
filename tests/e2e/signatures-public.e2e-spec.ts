import { DocumentStatus, ParticipantKind } from '@accord/common';
import { sha256Hex } from '@accord/drafting';
import { MeetingEntity } from '@accord/meetings';
import { SignatureEntity, SignaturesService } from '@accord/signatures';
import request from 'supertest';
import { BATCH_JITTER, countQueries } from '../support/count-queries';
import { createDocumentInStatus, TestDocument } from '../support/document-factory';
import { createParticipant, createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const DOCUMENT = `query($slug: String!) {
  document(slug: $slug) {
    signatureCount
    signatureCountsByKind { kind count }
    signatures { participant { id } signedBy { id } recordedBy { id } meeting { title } textHash statement }
    all: signatures(includeWithdrawn: true) { participant { id } withdrawnAt withdrawalReason }
  }
}`;
const PARTICIPANT = `query($id: ID!, $all: Boolean) {
  participant(id: $id) { signatures(includeWithdrawn: $all) { id document { slug } withdrawnAt } }
}`;
const VERIFY = `query($id: ID!, $text: String) {
  verifySignature(signatureId: $id, text: $text) {
    signature { id } textHash adoptedHash recomputedHash adoptedText matchesAdoptedText
    providedTextHash textMatches active valid
  }
}`;

const BOTH_KINDS = [ParticipantKind.STATE, ParticipantKind.COMPANY];
const STATEMENT = 'We read "shall", in paragraph 2,\nas a political commitment.';

describe('signatures: public reads, CSV, verification', () => {
  let t: TestApp;
  let w: World;
  let service: SignaturesService;
  let doc: TestDocument;
  let meetingTitle: string;
  const ids: Record<'a' | 'b' | 'company', string> = { a: '', b: '', company: '' };

  async function newMeeting(title: string): Promise<string> {
    const meeting = await t.dataSource.getRepository(MeetingEntity).save({
      title,
      city: 'Paris',
      venue: null,
      timezone: 'Europe/Paris',
      startsAt: new Date(Date.now() - 7_200_000),
      endsAt: new Date(Date.now() - 3_600_000),
    });
    return meeting.id;
  }

  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
    service = t.get(SignaturesService);
    meetingTitle = 'Conference, Paris';
    const meetingId = await newMeeting(meetingTitle);
    doc = await createDocumentInStatus(t, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: BOTH_KINDS,
    });
    ids.a = (await service.sign(w.headA.actor, { documentId: doc.id, statement: STATEMENT })).id;
    ids.b = (
      await service.record(w.secretariat.actor, {
        documentId: doc.id,
        participantId: w.stateB.id,
        signedAt: new Date(Date.now() - 3_600_000),
        meetingId,
      })
    ).id;
    ids.company = (
      await service.record(w.secretariat.actor, {
        documentId: doc.id,
        participantId: w.company.id,
        statement: '=HYPERLINK("http://evil.example")',
      })
    ).id;
    await service.withdraw(w.secretariat.actor, {
      signatureId: ids.company,
      reason: 'Board decision, 3 May',
    });
  });
  afterAll(() => t.close());

  describe('Document.signatures and its counts', () => {
    it('shows an adopted document’s active signatories and counts to the public, without who signed or recorded them', async () => {
      const res = await t.gql(DOCUMENT, { slug: doc.slug });
      expect(res.errors).toBeUndefined();
      const document = res.data!.document;
      expect(document.signatureCount).toBe(2);
      expect(document.signatureCountsByKind).toEqual([
        { kind: 'STATE', count: 2 },
        { kind: 'COMPANY', count: 0 },
      ]);
      expect(document.signatures).toEqual([
        {
          participant: { id: w.stateB.id },
          signedBy: null,
          recordedBy: null,
          meeting: { title: meetingTitle },
          textHash: doc.adoptedHash,
          statement: null,
        },
        {
          participant: { id: w.stateA.id },
          signedBy: null,
          recordedBy: null,
          meeting: null,
          textHash: doc.adoptedHash,
          statement: STATEMENT,
        },
      ]);
    });

    it('lists withdrawn signatures, marked, with includeWithdrawn', async () => {
      const res = await t.gql(DOCUMENT, { slug: doc.slug });
      const all = res.data!.document.all as { participant: { id: string }; withdrawnAt: string }[];
      expect(all).toHaveLength(3);
      expect(all.find((s) => s.participant.id === w.company.id)).toMatchObject({
        withdrawalReason: 'Board decision, 3 May',
      });
      expect(all.filter((s) => s.withdrawnAt)).toHaveLength(1);
    });

    it.each(['outsider', 'delegateB', 'companyDelegate', 'secretariat'] as const)(
      'shows %s (signed in) who signed and who recorded',
      async (name) => {
        const res = await t.gql(DOCUMENT, { slug: doc.slug }, w[name].token);
        const [recorded, signed] = res.data!.document.signatures;
        expect(recorded).toMatchObject({ signedBy: null, recordedBy: { id: w.secretariat.id } });
        expect(signed).toMatchObject({ signedBy: { id: w.headA.id }, recordedBy: null });
      },
    );
  });

  describe('Participant.signatures', () => {
    let hiddenId: string;
    let draft: TestDocument;
    beforeAll(async () => {
      // Not reachable through the API (drafts are never open for signature): a row put there
      // directly, to prove the field filters by what the caller may see.
      draft = await createDocumentInStatus(t, {
        status: DocumentStatus.NEGOTIATION,
        eligibleKinds: [ParticipantKind.STATE],
      });
      const hidden = await t.dataSource.getRepository(SignatureEntity).save({
        documentId: draft.id,
        participantId: w.stateA.id,
        signedAt: new Date(),
        textHash: draft.hash,
      });
      hiddenId = hidden.id;
    });

    const slugsSeenBy = async (token: string | null) => {
      const res = await t.gql(PARTICIPANT, { id: w.stateA.id }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.participant.signatures.map(
        (s: { document: { slug: string } }) => s.document.slug,
      );
    };

    it('shows the public only signatures on documents the public may see', async () => {
      expect(await slugsSeenBy(null)).toEqual([doc.slug]);
      expect(
        (await t.gql('query($id: ID!) { signature(id: $id) { id } }', { id: hiddenId })).data,
      ).toEqual({ signature: null });
    });

    it.each([
      ['companyDelegate', false],
      ['outsider', false],
      ['delegateA', true],
      ['headB', true],
      ['secretariat', true],
    ] as const)(
      'shows %s the signature on a draft only if it may read the draft (%s)',
      async (name, sees) => {
        const slugs = await slugsSeenBy(w[name].token);
        expect(slugs.includes(draft.slug)).toBe(sees);
        expect(slugs).toContain(doc.slug);
      },
    );

    it('includes withdrawn signatures only when asked', async () => {
      const active = await t.gql(PARTICIPANT, { id: w.company.id });
      expect(active.data!.participant.signatures).toEqual([]);
      const explicitNull = await t.gql(PARTICIPANT, { id: w.company.id, all: null });
      expect(explicitNull.data!.participant.signatures).toEqual([]);
      const all = await t.gql(PARTICIPANT, { id: w.company.id, all: true });
      expect(all.data!.participant.signatures).toEqual([
        { id: ids.company, document: { slug: doc.slug }, withdrawnAt: expect.any(String) },
      ]);
    });
  });

  describe('GET /documents/:slug/signatories.csv', () => {
    const HEADER =
      'participant,kind,country_code,signed_at,method,meeting,statement,text_hash,withdrawn_at,withdrawal_reason,statements';

    it('serves the active signatories as RFC 4180 CSV to the public', async () => {
      const res = await request(t.http).get(`/documents/${doc.slug}/signatories.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${doc.slug}-signatories.csv"`,
      );
      const lines = res.text.split('\r\n');
      expect(lines[0]).toBe(`\uFEFF${HEADER}`);
      expect(lines.at(-1)).toBe('');
      const body = lines.slice(1, -1).join('\r\n');
      const [a, b] = [w.stateA, w.stateB].map((p) => p.name);
      const rows = await t.dataSource.getRepository(SignatureEntity).findBy({ documentId: doc.id });
      const at = (id: string) => rows.find((r) => r.id === id)!.signedAt.toISOString();
      // Sorted by participant name: "State A …" before "State B …".
      expect(body).toBe(
        [
          `${a},STATE,${await countryCode(w.stateA.id)},${at(ids.a)},platform,,"We read ""shall"", in paragraph 2,\nas a political commitment.",${doc.adoptedHash},,,`,
          `${b},STATE,${await countryCode(w.stateB.id)},${at(ids.b)},recorded,"${meetingTitle}",,${doc.adoptedHash},,,`,
        ].join('\r\n'),
      );
    });

    async function countryCode(id: string): Promise<string> {
      const [row] = await t.dataSource.query(
        'SELECT "countryCode" FROM participants WHERE id = $1',
        [id],
      );
      return row.countryCode;
    }

    it('adds withdrawn signatures with includeWithdrawn=true, and defuses spreadsheet formulas', async () => {
      const res = await request(t.http).get(
        `/documents/${doc.slug}/signatories.csv?includeWithdrawn=true`,
      );
      expect(res.status).toBe(200);
      const companyLine = res.text.split('\r\n').find((l) => l.startsWith(w.company.name))!;
      const timestamp = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
      expect(companyLine).toMatch(
        new RegExp(
          `^${w.company.name},COMPANY,,${timestamp},recorded,,"'=HYPERLINK\\(""http://evil\\.example""\\)",${doc.adoptedHash},${timestamp},"Board decision, 3 May",$`,
        ),
      );
    });

    it('refuses an includeWithdrawn that is not true or false with 400 naming it', async () => {
      const res = await request(t.http).get(
        `/documents/${doc.slug}/signatories.csv?includeWithdrawn=yes`,
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'includeWithdrawn' });
    });

    it('answers 404 for a document that does not exist or that the public may not see', async () => {
      const draft = await createDocumentInStatus(t, {
        status: DocumentStatus.DRAFT,
        eligibleKinds: [ParticipantKind.STATE],
      });
      for (const slug of ['no-such-document', draft.slug]) {
        const res = await request(t.http).get(`/documents/${slug}/signatories.csv`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          code: 'NOT_FOUND',
          field: 'slug',
          message: 'Document not found',
        });
      }
    });

    it('serves an empty list as the header row alone', async () => {
      const empty = await createDocumentInStatus(t, {
        status: DocumentStatus.OPEN_FOR_SIGNATURE,
        eligibleKinds: BOTH_KINDS,
      });
      const res = await request(t.http).get(`/documents/${empty.slug}/signatories.csv`);
      expect(res.text).toBe(`\uFEFF${HEADER}\r\n`);
    });
  });

  describe('verification', () => {
    it('proves what was signed: stored hash, adoptedHash and the hash recomputed from the adopted text agree', async () => {
      const res = await t.gql(VERIFY, { id: ids.a });
      expect(res.errors).toBeUndefined();
      expect(res.data!.verifySignature).toEqual({
        signature: { id: ids.a },
        textHash: doc.adoptedHash,
        adoptedHash: doc.adoptedHash,
        recomputedHash: doc.adoptedHash,
        adoptedText: doc.text,
        matchesAdoptedText: true,
        providedTextHash: null,
        textMatches: null,
        active: true,
        valid: true,
      });
    });

    it('checks a given text exactly: the adopted text matches, any other does not', async () => {
      const same = await t.gql(VERIFY, { id: ids.a, text: doc.text });
      expect(same.data!.verifySignature).toMatchObject({
        providedTextHash: doc.adoptedHash,
        textMatches: true,
        valid: true,
      });
      const altered = doc.text.replace('shall', 'may');
      const other = await t.gql(VERIFY, { id: ids.a, text: altered });
      expect(other.data!.verifySignature).toMatchObject({
        providedTextHash: sha256Hex(altered),
        textMatches: false,
        matchesAdoptedText: true,
        valid: false,
      });
    });

    it('still verifies a withdrawn signature, marked inactive', async () => {
      const res = await t.gql(VERIFY, { id: ids.company });
      expect(res.data!.verifySignature).toMatchObject({ active: false, valid: true });
    });

    it('detects an adopted text altered in the database after signing', async () => {
      const tampered = await createDocumentInStatus(t, {
        status: DocumentStatus.OPEN_FOR_SIGNATURE,
        eligibleKinds: BOTH_KINDS,
      });
      const signature = await service.sign(w.headB.actor, { documentId: tampered.id });
      await t.dataSource.query(
        `UPDATE document_versions SET clauses = jsonb_set(clauses, '{2,text}', '"Participants may act."') WHERE "documentId" = $1`,
        [tampered.id],
      );
      const res = await t.gql(VERIFY, { id: signature.id, text: tampered.text });
      expect(res.data!.verifySignature).toMatchObject({
        textHash: tampered.adoptedHash,
        matchesAdoptedText: false,
        textMatches: true,
        valid: false,
      });
      expect(res.data!.verifySignature.recomputedHash).not.toBe(tampered.adoptedHash);
    });

    it('answers NOT_FOUND for an unknown signature and BAD_USER_INPUT for a bad id or an oversized text', async () => {
      const missing = await t.gql(VERIFY, { id: '00000000-0000-4000-8000-000000000000' });
      expect(missing.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'signatureId' });
      const bad = await t.gql(VERIFY, { id: 'nope' });
      expect(bad.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'signatureId',
      });
      const huge = await t.gql(VERIFY, { id: ids.a, text: 'x'.repeat(1_000_001) });
      expect(huge.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    });

    it('is served as JSON over REST: GET, GET with ?text=, POST with a text', async () => {
      const get = await request(t.http).get(`/signatures/${ids.a}/verification`);
      expect(get.status).toBe(200);
      expect(get.headers['content-type']).toMatch(/^application\/json/);
      expect(get.body).toMatchObject({
        signatureId: ids.a,
        documentId: doc.id,
        documentSlug: doc.slug,
        participantId: w.stateA.id,
        textHash: doc.adoptedHash,
        recomputedHash: doc.adoptedHash,
        matchesAdoptedText: true,
        textMatches: null,
        valid: true,
        adoptedText: doc.text,
      });
      const query = await request(t.http)
        .get(`/signatures/${ids.a}/verification`)
        .query({ text: 'not the text' });
      expect(query.body).toMatchObject({ textMatches: false, valid: false });
      const post = await request(t.http)
        .post(`/signatures/${ids.a}/verification`)
        .send({ text: doc.text });
      expect(post.status).toBe(200);
      expect(post.body).toMatchObject({ textMatches: true, valid: true });
    });

    it('refuses bad REST input with 400 naming the field, and an unknown signature with 404', async () => {
      const badId = await request(t.http).get('/signatures/nope/verification');
      expect(badId.status).toBe(400);
      expect(badId.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const badText = await request(t.http)
        .post(`/signatures/${ids.a}/verification`)
        .send({ text: 42 });
      expect(badText.status).toBe(400);
      expect(badText.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      const twice = await request(t.http).get(`/signatures/${ids.a}/verification?text=a&text=b`);
      expect(twice.status).toBe(400);
      const missing = await request(t.http).get(
        '/signatures/00000000-0000-4000-8000-000000000000/verification',
      );
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'NOT_FOUND', field: 'signatureId' });
    });
  });

  describe('no N+1', () => {
    const LIST = `query($slug: String!) {
      document(slug: $slug) {
        signatureCount
        signatureCountsByKind { kind count }
        signatures(includeWithdrawn: true) {
          id textHash participant { name kind } signedBy { displayName } recordedBy { displayName }
          meeting { title } document { slug }
        }
      }
    }`;

    async function documentWith(count: number): Promise<TestDocument> {
      const list = await createDocumentInStatus(t, {
        status: DocumentStatus.OPEN_FOR_SIGNATURE,
        eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY, ParticipantKind.ACADEMIA],
      });
      await service.sign(w.headA.actor, { documentId: list.id });
      await service.sign(w.headB.actor, { documentId: list.id });
      for (let i = 2; i < count; i++) {
        const participant = await createParticipant(t, w.secretariat.actor, {
          kind: i % 2 ? ParticipantKind.COMPANY : ParticipantKind.ACADEMIA,
        });
        await service.record(w.secretariat.actor, {
          documentId: list.id,
          participantId: participant.id,
          meetingId: await newMeeting(`Meeting ${i}`),
        });
      }
      return list;
    }

    it('reads a list of 30 signatories in as many statements as a list of 3, over GraphQL and as CSV', async () => {
      const [small, large] = [await documentWith(3), await documentWith(30)];
      const gql = async (slug: string) => {
        const { result, count } = await countQueries(() =>
          t.gql(LIST, { slug }, w.secretariat.token),
        );
        expect(result.errors).toBeUndefined();
        return { count, signatures: result.data!.document.signatures.length };
      };
      const [few, many] = [await gql(small.slug), await gql(large.slug)];
      expect([few.signatures, many.signatures]).toEqual([3, 30]);
      expect(many.count).toBeLessThanOrEqual(few.count + BATCH_JITTER);

      const csv = (slug: string) =>
        countQueries(() => request(t.http).get(`/documents/${slug}/signatories.csv`));
      const [fewCsv, manyCsv] = [await csv(small.slug), await csv(large.slug)];
      expect(manyCsv.result.text.split('\r\n')).toHaveLength(32);
      expect(manyCsv.count).toBe(fewCsv.count);
    });
  });
});
