import { createTestApp, TestApp } from '../support/test-app';
import { BATCH_JITTER, countQueries } from '../support/count-queries';
import { createWorld, World } from '../support/factories';
import { CREATE_DOCUMENT, ok } from './drafting-fixtures';

/** Everything a delegate's screen shows of a document under negotiation, in one query. */
const FULL_DOCUMENT = `query($id: ID) { document(id: $id) {
  id title version openBrackets bracketsBalanced
  versions { number hash createdBy { id displayName } }
  amendments { id status proposer { name } }
  clauses {
    id number position text version openBrackets bracketsBalanced
    amendments {
      id kind text status rationale
      proposer { id name } proposedBy { id displayName } cosponsors { id name }
      clause { id number } document { id status }
    }
    comments {
      id body resolved author { id displayName } participant { id name }
      replies { id body author { id displayName } participant { id name } }
    }
  }
} }`;

describe('drafting: reading a document costs a fixed number of SQL statements', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    // No job workers: emails delivered in the background would add their statements to the counts.
    t = await createTestApp({ jobsWorkers: false });
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  /**
   * A document in NEGOTIATION with `size` clauses, each with an amendment by state A
   * co-sponsored by state B, and a comment by A with a reply by B. Written straight into the
   * tables: this suite is about reading, and building 300 clauses through the API would only
   * slow it down.
   */
  async function documentOf(size: number): Promise<string> {
    const { id } = ok(
      await t.gql(
        CREATE_DOCUMENT,
        { input: { title: `Large text ${size}`, kind: 'STATEMENT', eligibleKinds: ['STATE'] } },
        w.secretariat.token,
      ),
    ).createDocument;
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    await q(`UPDATE documents SET status = 'NEGOTIATION', "currentVersion" = 1 WHERE id = $1`, [
      id,
    ]);
    await q(
      `INSERT INTO clauses ("documentId", position, kind, text)
       SELECT $1, g, CASE WHEN g % 10 = 1 THEN 'HEADING' ELSE 'OPERATIVE' END::clause_kind,
              'Paragraph ' || g || ' [to be agreed]'
       FROM generate_series(1, $2::int) g`,
      [id, size],
    );
    await q(
      `INSERT INTO document_versions ("documentId", number, "createdById", reason, hash, text, clauses)
       VALUES ($1, 1, $2, 'seeded', repeat('0', 64), 'seeded', '[]')`,
      [id, w.secretariat.id],
    );
    await q(
      `INSERT INTO amendments ("documentId", "clauseId", kind, text, rationale, "proposerId", "proposedById", "baseClauseVersion")
       SELECT $1, c.id, 'REPLACE', 'Paragraph ' || c.position || ' agreed', 'Settle it', $2, $3, 1
       FROM clauses c WHERE c."documentId" = $1`,
      [id, w.stateA.id, w.delegateA.id],
    );
    await q(
      `INSERT INTO amendment_cosponsors ("amendmentId", "participantId", "cosponsoredById")
       SELECT a.id, $2, $3 FROM amendments a WHERE a."documentId" = $1`,
      [id, w.stateB.id, w.headB.id],
    );
    await q(
      `INSERT INTO comments ("clauseId", "documentId", "authorId", "participantId", body)
       SELECT c.id, $1, $2, $3, 'Why this wording?' FROM clauses c WHERE c."documentId" = $1`,
      [id, w.delegateA.id, w.stateA.id],
    );
    await q(
      `INSERT INTO comments ("clauseId", "documentId", "parentId", "authorId", "participantId", body)
       SELECT p."clauseId", $1, p.id, $2, $3, 'Because.' FROM comments p WHERE p."documentId" = $1`,
      [id, w.headB.id, w.stateB.id],
    );
    return id;
  }

  const read = (id: string) => countQueries(() => t.gql(FULL_DOCUMENT, { id }, w.delegateA.token));

  it('is the same for 3 clauses and for 300 clauses with their amendments, co-sponsors and comments', async () => {
    const small = await documentOf(3);
    const large = await documentOf(300);
    // Warm up once so that one-off work (prepared metadata, first connection) is not counted.
    await read(small);

    const smallRead = await read(small);
    const largeRead = await read(large);
    expect(smallRead.result.errors).toBeUndefined();
    expect(largeRead.result.errors).toBeUndefined();

    const doc = largeRead.result.data!.document;
    expect(doc.clauses).toHaveLength(300);
    expect(doc.openBrackets).toBe(300);
    expect(doc.amendments).toHaveLength(300);
    expect(doc.clauses[299]).toMatchObject({ position: 300, number: '270' });
    for (const clause of doc.clauses) {
      expect(clause.amendments).toHaveLength(1);
      expect(clause.amendments[0].cosponsors).toEqual([{ id: w.stateB.id, name: w.stateB.name }]);
      expect(clause.amendments[0].clause).toEqual({ id: clause.id, number: clause.number });
      expect(clause.comments).toHaveLength(1);
      expect(clause.comments[0].replies).toHaveLength(1);
      expect(clause.comments[0].replies[0].participant.id).toBe(w.stateB.id);
    }

    // 100 times the data, the same statements (give or take DataLoader's per-tick batching).
    expect(largeRead.count).toBeLessThanOrEqual(smallRead.count + BATCH_JITTER);
    // And that fixed number is small: about one statement per loader and level, plus
    // identifying the caller.
    expect(largeRead.count).toBeLessThanOrEqual(25);
  });

  it('lists documents with their clauses in a fixed number of statements too', async () => {
    const list = `{ documents { id openBrackets clauses { id comments { id } amendments { id } } } }`;
    await documentOf(5);
    const before = await countQueries(() => t.gql(list, {}, w.secretariat.token));
    await documentOf(50);
    await documentOf(50);
    const after = await countQueries(() => t.gql(list, {}, w.secretariat.token));
    expect(after.result.errors).toBeUndefined();
    expect(after.count).toBeLessThanOrEqual(before.count + BATCH_JITTER);
  });
});
