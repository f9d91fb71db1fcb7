import { createTestApp, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/factories';
import { code, createDraft, DOCUMENT, ok, UPDATE_CLAUSE } from './drafting-fixtures';

const WRITERS = 50;
/** Retrying writers make about n²/2 requests: fewer of them prove the same point. */
const RETRYING_WRITERS = 20;

describe('drafting: concurrent edits of one clause', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
  });
  afterAll(() => t.close());

  const update = (clauseId: string, text: string, expectedVersion: number) =>
    t.gql(UPDATE_CLAUSE, { input: { clauseId, text, expectedVersion } }, w.delegateA.token);

  const versionsOf = async (documentId: string) =>
    (await t.dataSource.query(
      `SELECT number, text FROM document_versions WHERE "documentId" = $1 ORDER BY number`,
      [documentId],
    )) as { number: number; text: string }[];

  it(`lets exactly one of ${WRITERS} simultaneous edits on the same version win; the others get CONFLICT with the winner's text`, async () => {
    const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'Original.' }] });
    const clauseId = draft.clauses[0].id;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => update(clauseId, `Edit number ${i}.`, 1)),
    );
    const winners = results.filter((res) => !res.errors);
    const losers = results.filter((res) => res.errors);
    expect(winners).toHaveLength(1);
    const winner = winners[0].data!.updateClause;
    expect(winner.version).toBe(2);
    for (const loser of losers) {
      expect(code(loser)).toBe('CONFLICT');
      expect(loser.errors![0].extensions).toMatchObject({
        currentVersion: 2,
        currentText: winner.text,
      });
    }
    const doc = ok(await t.gql(DOCUMENT, { id: draft.id }, w.secretariat.token)).document;
    expect(doc.clauses[0]).toMatchObject({ text: winner.text, version: 2 });
    expect(doc.version).toBe(2);
    expect((await versionsOf(draft.id)).map((v) => v.number)).toEqual([1, 2]);
  });

  it(`with ${WRITERS} simultaneous edits each on a different expected version, exactly those that found their version win, in a chain, and the text is the last winner's`, async () => {
    const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'Original.' }] });
    const clauseId = draft.clauses[0].id;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        update(clauseId, `Edit on version ${i + 1}.`, i + 1),
      ),
    );
    const won = results
      .map((res, i) => ({ res, expected: i + 1 }))
      .filter(({ res }) => !res.errors)
      .map(({ res, expected }) => ({ expected, ...res.data!.updateClause }));
    for (const res of results.filter((r) => r.errors)) expect(code(res)).toBe('CONFLICT');
    expect(won.length).toBeGreaterThanOrEqual(1);
    // Each winner made exactly the next version of the one it was edited on.
    for (const edit of won) expect(edit.version).toBe(edit.expected + 1);
    // The winners form an unbroken chain 1 → 2 → … with no two edits on the same version.
    const expectedVersions = won.map((edit) => edit.expected).sort((a, b) => a - b);
    expect(expectedVersions).toEqual(expectedVersions.map((_, i) => i + 1));
    const last = won.reduce((a, b) => (a.version > b.version ? a : b));
    const doc = ok(await t.gql(DOCUMENT, { id: draft.id }, w.secretariat.token)).document;
    expect(doc.clauses[0]).toMatchObject({ text: last.text, version: won.length + 1 });
    // One document version per winning edit, on top of the one adding the clause.
    const versions = await versionsOf(draft.id);
    expect(versions.map((v) => v.number)).toEqual(versions.map((_, i) => i + 1));
    expect(versions).toHaveLength(won.length + 1);
    expect(versions.at(-1)!.text).toContain(last.text);
  });

  it(`loses nothing when ${RETRYING_WRITERS} writers retry on CONFLICT with the current version and text they are given`, async () => {
    const draft = await createDraft(t, w.secretariat.token, { clauses: [{ text: 'Marks:' }] });
    const clauseId = draft.clauses[0].id;
    const writer = async (i: number) => {
      let version = 1;
      let text = 'Marks:';
      for (let attempt = 0; attempt < RETRYING_WRITERS * 4; attempt++) {
        const res = await update(clauseId, `${text} m${i}`, version);
        if (!res.errors) return attempt;
        expect(code(res)).toBe('CONFLICT');
        version = res.errors[0].extensions.currentVersion as number;
        text = res.errors[0].extensions.currentText as string;
      }
      throw new Error(`writer ${i} never got through`);
    };
    await Promise.all(Array.from({ length: RETRYING_WRITERS }, (_, i) => writer(i)));
    const doc = ok(await t.gql(DOCUMENT, { id: draft.id }, w.secretariat.token)).document;
    const marks = doc.clauses[0].text.split(' ').slice(1).sort();
    expect(marks).toEqual(Array.from({ length: RETRYING_WRITERS }, (_, i) => `m${i}`).sort());
    expect(doc.clauses[0].version).toBe(RETRYING_WRITERS + 1);
    expect(doc.version).toBe(RETRYING_WRITERS + 1);
  });
});
