import { ClauseKind, DocumentStatus, ParticipantKind } from '@accord/common';
import {
  canonicalText,
  ClauseSnapshot,
  DIFF_LIMITS,
  DocumentEntity,
  DocumentVersionEntity,
} from '@accord/drafting';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createDocumentInStatus, TestDocument } from '../support/document-factory';
import { createWorld, World } from '../support/factories';

const DIFF = `query($id: ID!, $from: Int!, $to: Int!) {
  documentDiff(documentId: $id, fromVersion: $from, toVersion: $to) { clauseId number change chunks { op text } }
}`;
const WORDS = ['states', 'shall', 'cyber', 'intrusion', 'capabilities', 'responsible', 'market'];
const CLAUSES = 50;

/** Pseudo-random words, the same for the same seed: long clauses that differ word by word. */
function words(seed: number, characters: number): string[] {
  const out: string[] = [];
  let state = seed;
  let length = 0;
  while (length < characters) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const word = WORDS[state % WORDS.length];
    out.push(word);
    length += word.length + 1;
  }
  return out;
}

type Chunk = { op: string; text: string };
const earlier = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.op !== 'INSERT')
    .map((c) => c.text)
    .join('');
const later = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.op !== 'DELETE')
    .map((c) => c.text)
    .join('');

/** documentDiff's bounded cost: a size limit, and the word diff off the event loop. */
describe('documentDiff cost', () => {
  let t: TestApp;
  let w: World;
  let document: TestDocument;
  /** Versions 2 and 3: the largest texts allowed, every clause changed word by word. */
  let large: ClauseSnapshot[][];

  const addVersion = async (number: number, clauses: ClauseSnapshot[]) => {
    const text = canonicalText(document.title, clauses);
    await t.dataSource.getRepository(DocumentVersionEntity).save({
      documentId: document.id,
      number,
      createdById: null,
      reason: 'Test data',
      hash: 'x'.repeat(64),
      text,
      clauses,
    });
    await t.dataSource
      .getRepository(DocumentEntity)
      .update(document.id, { currentVersion: number });
    return text;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    document = await createDocumentInStatus(t, {
      status: DocumentStatus.NEGOTIATION,
      eligibleKinds: [ParticipantKind.STATE],
    });
    const ids = Array.from({ length: CLAUSES }, () => randomUUID());
    // Just under the character limit once numbered and titled.
    const perClause = Math.floor(DIFF_LIMITS.maxCharacters / CLAUSES) - 200;
    const version = (edit: (words: string[]) => string[]) =>
      ids.map((id, i) => ({
        id,
        kind: ClauseKind.OPERATIVE,
        number: String(i + 1),
        text: edit(words(i + 1, perClause)).join(' '),
      }));
    // Every tenth word replaced: a word diff is possible, and costly.
    large = [
      version((w) => w),
      version((w) => w.map((word, k) => (k % 10 === 3 ? 'amended' : word))),
    ];
    expect((await addVersion(2, large[0])).length).toBeLessThanOrEqual(DIFF_LIMITS.maxCharacters);
    expect((await addVersion(3, large[1])).length).toBeLessThanOrEqual(DIFF_LIMITS.maxCharacters);
    const oversized = large[1].map((clause) => ({
      ...clause,
      text: `${clause.text} ${'x'.repeat(400)}`,
    }));
    expect((await addVersion(4, oversized)).length).toBeGreaterThan(DIFF_LIMITS.maxCharacters);
  }, 180_000);
  afterAll(() => t?.close());

  it('refuses a version beyond the size limit with BAD_USER_INPUT naming it', async () => {
    const res = await t.gql(DIFF, { id: document.id, from: 3, to: 4 }, w.secretariat.token);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toVersion' });
    expect(res.errors![0].message).toMatch(/too large to compare/);
    const reversed = await t.gql(DIFF, { id: document.id, from: 4, to: 1 }, w.secretariat.token);
    expect(reversed.errors![0].extensions).toMatchObject({ field: 'fromVersion' });
  });

  it('keeps /health answering within 200 ms while the largest allowed diff is computed', async () => {
    // First requests (connections, lazily built paths, the first worker) are not what is measured.
    expect((await request(t.http).get('/health')).status).toBe(200);
    const small = await t.gql(DIFF, { id: document.id, from: 1, to: 1 }, w.secretariat.token);
    expect(small.errors).toBeUndefined();
    let finished = false;
    const diff = t
      .gql(DIFF, { id: document.id, from: 2, to: 3 }, w.secretariat.token)
      .finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const started = performance.now();
      const health = await request(t.http).get('/health');
      expect(health.status).toBe(200);
      if (!finished) latencies.push(performance.now() - started);
      console.log('probe', Math.round(started), Math.round(performance.now() - started), finished);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const res = await diff;
    expect(res.errors).toBeUndefined();
    // The probes ran while the diff was being computed, and none waited for it.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(200);

    // The answer is complete and exact, word by word where the budget allowed, else per clause.
    const result = res.data!.documentDiff as {
      clauseId: string;
      change: string;
      chunks: Chunk[];
    }[];
    expect(result.map((d) => d.clauseId)).toEqual(large[1].map((c) => c.id));
    result.forEach((d, i) => {
      expect(d.change).toBe('CHANGED');
      expect(earlier(d.chunks)).toBe(large[0][i].text);
      expect(later(d.chunks)).toBe(large[1][i].text);
    });
    const chunks = result.reduce((n, d) => n + d.chunks.length, 0);
    expect(chunks).toBeLessThanOrEqual(DIFF_LIMITS.maxChunks + 2 * CLAUSES);
  }, 120_000);
});
