import { DocumentStatus, ParticipantKind } from '@accord/common';
import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { createDocumentInStatus } from '../support/document-factory';

const SIGN = `mutation($id: ID!) { signDocument(documentId: $id) { id } }`;
const CLOSE = `mutation($id: ID!) { closeDocument(documentId: $id) { status } }`;

describe('signing while the secretariat closes the text', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  it('never records a signature after the text was closed: one of the two waits for the other', async () => {
    for (let round = 0; round < 10; round++) {
      const document = await createDocumentInStatus(t, {
        status: DocumentStatus.OPEN_FOR_SIGNATURE,
        eligibleKinds: [ParticipantKind.STATE],
      });
      const [sign, close] = await Promise.all([
        t.gql(SIGN, { id: document.id }, w.headA.token),
        t.gql(CLOSE, { id: document.id }, w.secretariat.token),
      ]);
      expect(close.data?.closeDocument.status).toBe('CLOSED');
      if (sign.errors) {
        expect(sign.errors[0].extensions.code).toBe('INVALID_STATE');
        continue;
      }
      // Both succeeded: the chain must show the signature committed before the closing.
      const events: { action: string }[] = await t.dataSource.query(
        `SELECT action FROM audit_events WHERE "entityId" IN ($1, $2) AND action IN ('signature.signed', 'document.closed') ORDER BY id`,
        [document.id, sign.data!.signDocument.id],
      );
      expect(events.map((e) => e.action)).toEqual(['signature.signed', 'document.closed']);
    }
  });
});
