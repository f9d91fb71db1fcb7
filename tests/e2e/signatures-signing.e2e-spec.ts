import { DelegationRole, DocumentStatus, ParticipantKind } from '@accord/common';
import { DocumentEntity } from '@accord/drafting';
import { MeetingEntity } from '@accord/meetings';
import { SignatureEntity } from '@accord/signatures';
import { createDocumentInStatus, TestDocument } from '../support/document-factory';
import { createMember, createWorld, TestUser, World } from '../support/factories';
import { createTestApp, GraphQLResponse, TestApp } from '../support/test-app';

const SIGN = `mutation($documentId: ID!, $statement: String, $meetingId: ID) {
  signDocument(documentId: $documentId, statement: $statement, meetingId: $meetingId) {
    id signedAt textHash statement withdrawnAt
    participant { id } signedBy { id } recordedBy { id } meeting { id title }
    document { id adoptedHash }
  }
}`;
const RECORD = `mutation($input: RecordSignatureInput!) {
  recordSignature(input: $input) {
    id signedAt textHash statement participant { id } signedBy { id } recordedBy { id } meeting { id }
  }
}`;
const WITHDRAW = `mutation($signatureId: ID!, $reason: String!) {
  withdrawSignature(signatureId: $signatureId, reason: $reason) { id withdrawnAt withdrawalReason }
}`;
const AUDIT = `query($entityId: String) { auditEvents(entityId: $entityId) { action actor { id } } }`;
const DOCUMENT_SIGNATURES = `query($id: ID!) {
  signature(id: $id) {
    document {
      signatureCount
      active: signatures { id }
      all: signatures(includeWithdrawn: true) { id withdrawnAt withdrawalReason }
    }
  }
}`;

const STATE_ONLY = [ParticipantKind.STATE];

function code(res: GraphQLResponse): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

describe('signatures: signing, recording, withdrawing', () => {
  let t: TestApp;
  let w: World;
  let companyHead: TestUser;
  let meetingId: string;

  const openDocument = (eligibleKinds = STATE_ONLY) =>
    createDocumentInStatus(t, { status: DocumentStatus.OPEN_FOR_SIGNATURE, eligibleKinds });
  const signatureRows = (documentId: string) =>
    t.dataSource.getRepository(SignatureEntity).findBy({ documentId });
  const auditCount = async () =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM audit_events'))[0].n);
  const sign = (user: TestUser | null, documentId: string, extra: Record<string, unknown> = {}) =>
    t.gql(SIGN, { documentId, ...extra }, user?.token ?? null);
  const record = (user: TestUser | null, input: Record<string, unknown>) =>
    t.gql(RECORD, { input }, user?.token ?? null);

  /** Runs a request that must be refused, and checks that it wrote nothing at all. */
  async function refused(
    run: () => Promise<GraphQLResponse>,
  ): Promise<GraphQLResponse['errors'] & object> {
    const [signaturesBefore, auditBefore] = [
      await t.dataSource.getRepository(SignatureEntity).count(),
      await auditCount(),
    ];
    const res = await run();
    expect(res.errors).toBeDefined();
    expect(res.data).toBeNull();
    expect(await t.dataSource.getRepository(SignatureEntity).count()).toBe(signaturesBefore);
    expect(await auditCount()).toBe(auditBefore);
    return res.errors!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    companyHead = await createMember(
      t,
      w.secretariat.actor,
      w.company.id,
      DelegationRole.HEAD_OF_DELEGATION,
    );
    const meeting = await t.dataSource.getRepository(MeetingEntity).save({
      title: 'Signing ceremony',
      city: 'Paris',
      venue: null,
      timezone: 'Europe/Paris',
      startsAt: new Date(Date.now() - 3 * 3_600_000),
      endsAt: new Date(Date.now() - 3_600_000),
    });
    meetingId = meeting.id;
  });
  afterAll(() => t.close());

  describe('signDocument', () => {
    it('lets a head of delegation sign for its own participant: the hash of the adopted text, the caller, the meeting, the statement, audited', async () => {
      const doc = await openDocument();
      const res = await sign(w.headA, doc.id, {
        statement: '  We read paragraph 2 as non-binding.  ',
        meetingId,
      });
      expect(res.errors).toBeUndefined();
      const signature = res.data!.signDocument;
      expect(signature).toMatchObject({
        textHash: doc.adoptedHash,
        statement: 'We read paragraph 2 as non-binding.',
        withdrawnAt: null,
        participant: { id: w.stateA.id },
        signedBy: { id: w.headA.id },
        recordedBy: null,
        meeting: { id: meetingId, title: 'Signing ceremony' },
        document: { id: doc.id, adoptedHash: doc.adoptedHash },
      });
      expect(new Date(signature.signedAt).getTime()).toBeGreaterThan(doc.adoptedAt!.getTime());
      const audit = await t.gql(AUDIT, { entityId: signature.id }, w.admin.token);
      expect(audit.data!.auditEvents).toEqual([
        { action: 'signature.signed', actor: { id: w.headA.id } },
      ]);
    });

    it('stores no statement for a blank one', async () => {
      const doc = await openDocument();
      const res = await sign(w.headB, doc.id, { statement: '   ' });
      expect(res.data!.signDocument.statement).toBeNull();
    });

    it.each([
      'delegateA',
      'observerA',
      'delegateB',
      'companyDelegate',
      'secretariat',
      'admin',
      'outsider',
    ] as const)('refuses %s with FORBIDDEN: only a head of delegation signs', async (name) => {
      const doc = await openDocument([ParticipantKind.STATE, ParticipantKind.COMPANY]);
      const errors = await refused(() => sign(w[name], doc.id));
      expect(errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('refuses the public with UNAUTHENTICATED', async () => {
      const doc = await openDocument();
      const errors = await refused(() => sign(null, doc.id));
      expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      DocumentStatus.DRAFT,
      DocumentStatus.NEGOTIATION,
      DocumentStatus.ADOPTED,
      DocumentStatus.CLOSED,
    ])('refuses with INVALID_STATE while the document is %s', async (status) => {
      const doc = await createDocumentInStatus(t, { status, eligibleKinds: STATE_ONLY });
      const errors = await refused(() => sign(w.headA, doc.id));
      expect(errors[0].extensions).toMatchObject({ code: 'INVALID_STATE', status });
    });

    it('refuses with FORBIDDEN a head whose participant kind may not sign the document', async () => {
      const doc = await openDocument(STATE_ONLY);
      const errors = await refused(() => sign(companyHead, doc.id));
      expect(errors[0].extensions.code).toBe('FORBIDDEN');
      expect(errors[0].message).toMatch(/COMPANY participant may not sign/);
    });

    it('answers NOT_FOUND for a draft the caller may not read, as for a document that does not exist', async () => {
      const draft = await createDocumentInStatus(t, {
        status: DocumentStatus.DRAFT,
        eligibleKinds: STATE_ONLY,
      });
      const hidden = await refused(() => sign(companyHead, draft.id));
      const missing = await refused(() =>
        sign(companyHead, '00000000-0000-4000-8000-000000000000'),
      );
      expect(hidden[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'documentId' });
      expect(missing[0]).toMatchObject({
        message: hidden[0].message,
        extensions: hidden[0].extensions,
      });
    });

    it.each([
      ['documentId', { documentId: 'not-an-id' }],
      ['meetingId', { meetingId: 'not-an-id' }],
      ['statement', { statement: 'x'.repeat(10_001) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, extra) => {
      const doc = await openDocument();
      const errors = await refused(() =>
        t.gql(SIGN, { documentId: doc.id, ...extra }, w.headA.token),
      );
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a meeting that does not exist with NOT_FOUND naming meetingId', async () => {
      const doc = await openDocument();
      const errors = await refused(() =>
        sign(w.headA, doc.id, { meetingId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'meetingId' });
    });

    it('refuses a second active signature with CONFLICT naming the existing one', async () => {
      const doc = await openDocument();
      const first = await sign(w.headA, doc.id);
      const errors = await refused(() => sign(w.headA, doc.id));
      expect(errors[0].extensions).toMatchObject({
        code: 'CONFLICT',
        participantId: w.stateA.id,
        signatureId: first.data!.signDocument.id,
      });
    });
  });

  describe('recordSignature', () => {
    it('lets the secretariat record a signature given on paper, in the past, at a meeting: audited', async () => {
      const doc = await openDocument();
      const signedAt = new Date(Date.now() - 3_600_000).toISOString();
      const res = await record(w.secretariat, {
        documentId: doc.id,
        participantId: w.stateB.id,
        signedAt,
        meetingId,
        statement: 'Signed at the closing ceremony.',
      });
      expect(res.errors).toBeUndefined();
      const signature = res.data!.recordSignature;
      expect(signature).toMatchObject({
        signedAt,
        textHash: doc.adoptedHash,
        statement: 'Signed at the closing ceremony.',
        participant: { id: w.stateB.id },
        signedBy: null,
        recordedBy: { id: w.secretariat.id },
        meeting: { id: meetingId },
      });
      const audit = await t.gql(AUDIT, { entityId: signature.id }, w.admin.token);
      expect(audit.data!.auditEvents).toEqual([
        { action: 'signature.recorded', actor: { id: w.secretariat.id } },
      ]);
    });

    it('lets an admin record, dated now by default, exactly at adoption at the earliest', async () => {
      const doc = await openDocument([ParticipantKind.STATE, ParticipantKind.COMPANY]);
      const now = await record(w.admin, { documentId: doc.id, participantId: w.company.id });
      expect(now.errors).toBeUndefined();
      expect(Date.now() - new Date(now.data!.recordSignature.signedAt).getTime()).toBeLessThan(
        60_000,
      );
      const atAdoption = await record(w.admin, {
        documentId: doc.id,
        participantId: w.stateA.id,
        signedAt: doc.adoptedAt!.toISOString(),
      });
      expect(atAdoption.data!.recordSignature.signedAt).toBe(doc.adoptedAt!.toISOString());
    });

    it.each(['headA', 'delegateA', 'observerA', 'headB', 'companyDelegate', 'outsider'] as const)(
      'refuses %s with FORBIDDEN: only the secretariat records',
      async (name) => {
        const doc = await openDocument();
        const errors = await refused(() =>
          record(w[name], { documentId: doc.id, participantId: w.stateA.id }),
        );
        expect(errors[0].extensions.code).toBe('FORBIDDEN');
      },
    );

    it('refuses the public with UNAUTHENTICATED', async () => {
      const doc = await openDocument();
      const errors = await refused(() =>
        record(null, { documentId: doc.id, participantId: w.stateA.id }),
      );
      expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it.each([DocumentStatus.DRAFT, DocumentStatus.ADOPTED, DocumentStatus.CLOSED])(
      'refuses with INVALID_STATE while the document is %s',
      async (status) => {
        const doc = await createDocumentInStatus(t, { status, eligibleKinds: STATE_ONLY });
        const errors = await refused(() =>
          record(w.secretariat, { documentId: doc.id, participantId: w.stateA.id }),
        );
        expect(errors[0].extensions.code).toBe('INVALID_STATE');
      },
    );

    it('refuses a participant whose kind may not sign with BAD_USER_INPUT naming participantId', async () => {
      const doc = await openDocument(STATE_ONLY);
      const errors = await refused(() =>
        record(w.secretariat, { documentId: doc.id, participantId: w.company.id }),
      );
      expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'participantId' });
    });

    it('refuses a date in the future and a date before adoption, naming signedAt', async () => {
      const doc = await openDocument();
      const input = { documentId: doc.id, participantId: w.stateA.id };
      const future = await refused(() =>
        record(w.secretariat, { ...input, signedAt: new Date(Date.now() + 60_000).toISOString() }),
      );
      expect(future[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'signedAt' });
      expect(future[0].message).toMatch(/future/);
      const early = await refused(() =>
        record(w.secretariat, {
          ...input,
          signedAt: new Date(doc.adoptedAt!.getTime() - 1).toISOString(),
        }),
      );
      expect(early[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'signedAt' });
      expect(early[0].message).toMatch(/before the document was adopted/);
    });

    it.each([
      ['participantId', { participantId: 'nope' }],
      ['documentId', { documentId: 'nope' }],
      ['statement', { statement: 'x'.repeat(10_001) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, bad) => {
      const doc = await openDocument();
      const errors = await refused(() =>
        record(w.secretariat, { documentId: doc.id, participantId: w.stateA.id, ...bad }),
      );
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a signedAt that is not a date', async () => {
      const doc = await openDocument();
      const errors = await refused(() =>
        record(w.secretariat, {
          documentId: doc.id,
          participantId: w.stateA.id,
          signedAt: 'yesterday',
        }),
      );
      expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(errors[0].message).toMatch(/signedAt/);
    });

    it('refuses a participant that does not exist with NOT_FOUND naming participantId', async () => {
      const doc = await openDocument();
      const errors = await refused(() =>
        record(w.secretariat, {
          documentId: doc.id,
          participantId: '00000000-0000-4000-8000-000000000000',
        }),
      );
      expect(errors[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'participantId' });
    });

    it('refuses to record for a participant that has signed already, with CONFLICT', async () => {
      const doc = await openDocument();
      await sign(w.headA, doc.id);
      const errors = await refused(() =>
        record(w.secretariat, { documentId: doc.id, participantId: w.stateA.id }),
      );
      expect(errors[0].extensions.code).toBe('CONFLICT');
    });
  });

  describe('one active signature per participant, under concurrency', () => {
    it('gives exactly one signature out of 20 simultaneous attempts, and CONFLICT to the 19 others', async () => {
      const doc = await openDocument();
      const attempts = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? sign(w.headA, doc.id)
          : record(w.secretariat, { documentId: doc.id, participantId: w.stateA.id }),
      );
      const results = await Promise.all(attempts);
      const succeeded = results.filter((r) => !r.errors);
      expect(succeeded).toHaveLength(1);
      const codes = results.filter((r) => r.errors).map(code);
      expect(codes).toEqual(Array(19).fill('CONFLICT'));
      for (const r of results.filter((r) => r.errors)) {
        expect(r.errors![0].message).not.toMatch(/duplicate key|signatures_one_active/);
      }
      const rows = await signatureRows(doc.id);
      expect(rows).toHaveLength(1);
      const audit = await t.gql(AUDIT, { entityId: rows[0].id }, w.admin.token);
      expect(audit.data!.auditEvents).toHaveLength(1);
    });
  });

  describe('withdrawSignature', () => {
    let doc: TestDocument;
    beforeEach(async () => {
      doc = await openDocument();
    });

    it('lets the head of the signing delegation withdraw with a reason: kept, marked, not counted, audited; it may sign again', async () => {
      const signed = await sign(w.headA, doc.id);
      const id = signed.data!.signDocument.id;
      const res = await t.gql(
        WITHDRAW,
        { signatureId: id, reason: ' Parliament declined. ' },
        w.headA.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.withdrawSignature).toMatchObject({
        id,
        withdrawalReason: 'Parliament declined.',
      });
      expect(res.data!.withdrawSignature.withdrawnAt).toBeTruthy();
      const rows = await signatureRows(doc.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        withdrawalReason: 'Parliament declined.',
        withdrawnById: w.headA.id,
      });
      const view = await t.gql(DOCUMENT_SIGNATURES, { id });
      expect(view.data!.signature.document).toMatchObject({
        signatureCount: 0,
        active: [],
        all: [{ id, withdrawalReason: 'Parliament declined.' }],
      });
      const audit = await t.gql(AUDIT, { entityId: id }, w.admin.token);
      expect(audit.data!.auditEvents.map((e: { action: string }) => e.action).sort()).toEqual([
        'signature.signed',
        'signature.withdrawn',
      ]);
      const again = await sign(w.headA, doc.id);
      expect(again.errors).toBeUndefined();
      expect(await signatureRows(doc.id)).toHaveLength(2);
    });

    it.each(['secretariat', 'admin'] as const)(
      'lets the %s withdraw on a participant’s behalf',
      async (name) => {
        const signed = await sign(w.headA, doc.id);
        const res = await t.gql(
          WITHDRAW,
          { signatureId: signed.data!.signDocument.id, reason: 'Letter of 3 May' },
          w[name].token,
        );
        expect(res.errors).toBeUndefined();
      },
    );

    it('allows withdrawal once the document is closed', async () => {
      const signed = await sign(w.headA, doc.id);
      await t.dataSource
        .getRepository(DocumentEntity)
        .update(doc.id, { status: DocumentStatus.CLOSED });
      const res = await t.gql(
        WITHDRAW,
        { signatureId: signed.data!.signDocument.id, reason: 'Changed policy' },
        w.headA.token,
      );
      expect(res.errors).toBeUndefined();
    });

    it.each([
      'delegateA',
      'observerA',
      'headB',
      'delegateB',
      'companyDelegate',
      'outsider',
    ] as const)('refuses %s with FORBIDDEN', async (name) => {
      const signed = await sign(w.headA, doc.id);
      const signatureId = signed.data!.signDocument.id;
      const errors = await refused(() =>
        t.gql(WITHDRAW, { signatureId, reason: 'No' }, w[name].token),
      );
      expect(errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await signatureRows(doc.id))[0].withdrawnAt).toBeNull();
    });

    it('refuses the public with UNAUTHENTICATED', async () => {
      const signed = await sign(w.headA, doc.id);
      const errors = await refused(() =>
        t.gql(WITHDRAW, { signatureId: signed.data!.signDocument.id, reason: 'No' }),
      );
      expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['too long', 'x'.repeat(5_001)],
    ])('refuses a reason that is %s with BAD_USER_INPUT naming it', async (_label, reason) => {
      const signed = await sign(w.headA, doc.id);
      const errors = await refused(() =>
        t.gql(WITHDRAW, { signatureId: signed.data!.signDocument.id, reason }, w.headA.token),
      );
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect((await signatureRows(doc.id))[0].withdrawnAt).toBeNull();
    });

    it('refuses an id that is not one, and one that does not exist', async () => {
      const bad = await refused(() =>
        t.gql(WITHDRAW, { signatureId: 'x', reason: 'r' }, w.secretariat.token),
      );
      expect(bad[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signatureId' });
      const missing = await refused(() =>
        t.gql(
          WITHDRAW,
          { signatureId: '00000000-0000-4000-8000-000000000000', reason: 'r' },
          w.secretariat.token,
        ),
      );
      expect(missing[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'signatureId' });
    });

    it('refuses to withdraw twice with INVALID_STATE, keeping the first reason', async () => {
      const signed = await sign(w.headA, doc.id);
      const signatureId = signed.data!.signDocument.id;
      await t.gql(WITHDRAW, { signatureId, reason: 'First' }, w.headA.token);
      const errors = await refused(() =>
        t.gql(WITHDRAW, { signatureId, reason: 'Second' }, w.secretariat.token),
      );
      expect(errors[0].extensions.code).toBe('INVALID_STATE');
      expect((await signatureRows(doc.id))[0].withdrawalReason).toBe('First');
    });

    it('lets only one of several simultaneous withdrawals win', async () => {
      const signed = await sign(w.headA, doc.id);
      const signatureId = signed.data!.signDocument.id;
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          t.gql(WITHDRAW, { signatureId, reason: `Reason ${i}` }, w.secretariat.token),
        ),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(code)).toEqual(Array(4).fill('INVALID_STATE'));
      const audit = await t.gql(AUDIT, { entityId: signatureId }, w.admin.token);
      expect(audit.data!.auditEvents).toHaveLength(2);
    });
  });
});
