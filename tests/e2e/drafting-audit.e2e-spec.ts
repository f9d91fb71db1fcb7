import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import {
  ACCEPT,
  ADD_CLAUSE,
  ADD_COMMENT,
  code,
  COSPONSOR,
  CREATE_DOCUMENT,
  DELETE_CLAUSE,
  ok,
  PROPOSE,
  REBASE,
  REJECT,
  RESOLVE_COMMENT,
  transition,
  UPDATE_CLAUSE,
  WITHDRAW,
} from './drafting-fixtures';

interface AuditRow {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string;
  participantId: string | null;
}

describe('drafting: every mutation is audited in its own transaction', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const lastId = async (): Promise<number> =>
    Number((await t.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_events`))[0].id);
  const since = (id: number): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT action, "entityType", "entityId", "actorId", "participantId" FROM audit_events WHERE id > $1 ORDER BY id`,
      [id],
    );

  it('records one event per mutation, with the actor and its delegation, and none for refused ones', async () => {
    const start = await lastId();
    const doc = ok(
      await t.gql(
        CREATE_DOCUMENT,
        { input: { title: 'Audited round', kind: 'STATEMENT', eligibleKinds: ['STATE'] } },
        w.secretariat.token,
      ),
    ).createDocument;
    const one = ok(
      await t.gql(
        ADD_CLAUSE,
        { input: { documentId: doc.id, kind: 'OPERATIVE', text: 'States [will] act.' } },
        w.delegateA.token,
      ),
    ).addClause;
    const two = ok(
      await t.gql(
        ADD_CLAUSE,
        { input: { documentId: doc.id, kind: 'OPERATIVE', text: 'Spare.' } },
        w.secretariat.token,
      ),
    ).addClause;
    ok(
      await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: one.id, text: 'States [will][shall] act.', expectedVersion: 1 } },
        w.headB.token,
      ),
    );
    ok(await t.gql(DELETE_CLAUSE, { clauseId: two.id, expectedVersion: 1 }, w.secretariat.token));
    const comment = ok(
      await t.gql(ADD_COMMENT, { clauseId: one.id, body: 'Which verb?' }, w.delegateA.token),
    ).addComment;
    ok(await t.gql(RESOLVE_COMMENT, { id: comment.id }, w.delegateA.token));
    ok(await t.gql(transition('openNegotiation'), { id: doc.id }, w.secretariat.token));
    const a = ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId: one.id, kind: 'REPLACE', text: 'States shall act.' } },
        w.delegateA.token,
      ),
    ).proposeAmendment;
    const b = ok(
      await t.gql(
        PROPOSE,
        { input: { clauseId: one.id, kind: 'REPLACE', text: 'States will act.' } },
        w.headB.token,
      ),
    ).proposeAmendment;
    const c = ok(
      await t.gql(PROPOSE, { input: { clauseId: one.id, kind: 'DELETE' } }, w.headB.token),
    ).proposeAmendment;
    ok(await t.gql(COSPONSOR, { id: a.id }, w.delegateB.token));
    ok(await t.gql(ACCEPT, { id: a.id, note: 'Consensus.' }, w.secretariat.token));
    ok(await t.gql(REBASE, { id: b.id, text: 'States may act.' }, w.headB.token));
    ok(await t.gql(REJECT, { id: b.id }, w.secretariat.token));
    ok(await t.gql(WITHDRAW, { id: c.id }, w.delegateB.token));
    ok(await t.gql(transition('adoptDocument'), { id: doc.id }, w.secretariat.token));
    ok(await t.gql(transition('openForSignature'), { id: doc.id }, w.secretariat.token));
    ok(await t.gql(transition('closeDocument'), { id: doc.id }, w.secretariat.token));

    // Refused requests, each for a different reason, leave no trace.
    const refused = [
      await t.gql(
        UPDATE_CLAUSE,
        { input: { clauseId: one.id, text: 'Late.', expectedVersion: 2 } },
        w.secretariat.token,
      ),
      await t.gql(ACCEPT, { id: c.id }, w.secretariat.token),
      await t.gql(transition('openNegotiation'), { id: doc.id }, w.secretariat.token),
      await t.gql(PROPOSE, { input: { clauseId: one.id, kind: 'DELETE' } }, w.observerA.token),
    ];
    expect(refused.map(code)).toEqual([
      'INVALID_STATE',
      'INVALID_STATE',
      'INVALID_STATE',
      'FORBIDDEN',
    ]);

    const events = await since(start);
    expect(events.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['document.created', 'Document', doc.id],
      ['clause.added', 'Clause', one.id],
      ['clause.added', 'Clause', two.id],
      ['clause.updated', 'Clause', one.id],
      ['clause.deleted', 'Clause', two.id],
      ['comment.added', 'Comment', comment.id],
      ['comment.resolved', 'Comment', comment.id],
      ['document.negotiationOpened', 'Document', doc.id],
      ['amendment.proposed', 'Amendment', a.id],
      ['amendment.proposed', 'Amendment', b.id],
      ['amendment.proposed', 'Amendment', c.id],
      ['amendment.cosponsored', 'Amendment', a.id],
      ['amendment.accepted', 'Amendment', a.id],
      ['amendment.rebased', 'Amendment', b.id],
      ['amendment.rejected', 'Amendment', b.id],
      ['amendment.withdrawn', 'Amendment', c.id],
      ['document.adopted', 'Document', doc.id],
      ['document.openedForSignature', 'Document', doc.id],
      ['document.closed', 'Document', doc.id],
    ]);
    expect(events[1]).toMatchObject({ actorId: w.delegateA.id, participantId: w.stateA.id });
    expect(events[0]).toMatchObject({ actorId: w.secretariat.id, participantId: null });

    const verification = ok(await t.gql('{ verifyAuditChain { ok } }', {}, w.admin.token));
    expect(verification.verifyAuditChain.ok).toBe(true);
  });

  it('keeps a change and its audit event together: an edit that conflicts leaves neither', async () => {
    const doc = ok(
      await t.gql(
        CREATE_DOCUMENT,
        { input: { title: 'Atomic', kind: 'STATEMENT', eligibleKinds: ['STATE'] } },
        w.secretariat.token,
      ),
    ).createDocument;
    const clause = ok(
      await t.gql(
        ADD_CLAUSE,
        { input: { documentId: doc.id, kind: 'OPERATIVE', text: 'One.' } },
        w.secretariat.token,
      ),
    ).addClause;
    const start = await lastId();
    const versionsBefore = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM document_versions WHERE "documentId" = $1`,
      [doc.id],
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.gql(
          UPDATE_CLAUSE,
          { input: { clauseId: clause.id, text: `Edit ${i}.`, expectedVersion: 1 } },
          w.secretariat.token,
        ),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect((await since(start)).map((e) => e.action)).toEqual(['clause.updated']);
    const versionsAfter = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM document_versions WHERE "documentId" = $1`,
      [doc.id],
    );
    expect(versionsAfter[0].n).toBe(versionsBefore[0].n + 1);
  });
});
