import { Client } from 'pg';
import { SilenceDeadlineService } from '@accord/drafting';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { createWorld, World } from '../support/factories';
import { draftIn, ok } from './drafting-fixtures';
import { BREAK, DOCUMENT_SILENCE, inMs, startSilence } from './silence-fixtures';

const sleepUntil = (at: Date) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now() + 200)));

async function adoptionEvents(t: TestApp, documentId: string) {
  return (await t.dataSource.query(
    `SELECT "actorId", details FROM audit_events
     WHERE "entityId" = $1 AND action = 'document.adopted'`,
    [documentId],
  )) as { actorId: string | null; details: Record<string, unknown> }[];
}

/**
 * The deadline is durable: adoption happens at the deadline, or at the next start when no API
 * ran then, dated at the deadline either way, and once whatever the number of instances.
 */
describe('silence procedure: adoption at the deadline across restarts and instances', () => {
  let db: { url: string; drop(): Promise<void> };
  let w: World;
  beforeAll(async () => {
    db = await createTestDatabase();
    const setup = await createTestApp({}, db);
    try {
      w = await createWorld(setup);
    } finally {
      await setup.close();
    }
  });
  afterAll(() => db.drop());

  it('adopts a text whose deadline passed while no API ran at the next start, dated at the deadline, once', async () => {
    const first = await createTestApp({}, db);
    let documentId: string;
    let deadline: string;
    try {
      const draft = await draftIn(first, w.secretariat.token, 'NEGOTIATION');
      documentId = draft.id;
      ({ deadline } = await startSilence(first, w.secretariat.token, draft.id, inMs(4_000)));
    } finally {
      await first.close();
    }
    // No API runs now, and the text is not adopted yet.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT status FROM documents WHERE id = $1`, [
        documentId,
      ]);
      expect(rows).toEqual([{ status: 'NEGOTIATION' }]);
    } finally {
      await client.end();
    }
    await sleepUntil(new Date(deadline));
    const second = await createTestApp({}, db);
    try {
      const doc = ok(await second.gql(DOCUMENT_SILENCE, { id: documentId }, null)).document;
      expect(doc).toMatchObject({
        status: 'ADOPTED',
        adoptedAt: deadline,
        silenceProcedure: { status: 'CONCLUDED' },
      });
      expect(await second.get(SilenceDeadlineService).sweep()).toBe(0);
      expect(await adoptionEvents(second, documentId)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('adopts once, by the job queue, when several instances run at the deadline', async () => {
    const [a, b] = [await createTestApp({}, db), await createTestApp({}, db)];
    try {
      const draft = await draftIn(a, w.secretariat.token, 'NEGOTIATION');
      const { id, deadline } = await startSilence(a, w.secretariat.token, draft.id, inMs(1_500));
      await sleepUntil(new Date(deadline));
      // Both instances' workers poll the queue: one of them takes the job.
      let doc: Record<string, unknown> = {};
      await waitFor(
        async () =>
          (doc = ok(await b.gql(DOCUMENT_SILENCE, { id: draft.id }, w.secretariat.token)).document)
            .status === 'ADOPTED',
        'the deadline job',
      );
      expect(doc).toMatchObject({ status: 'ADOPTED', adoptedAt: deadline });
      // A late sweep or a retry on either instance changes nothing.
      const late = await Promise.all([
        a.get(SilenceDeadlineService).adoptAtDeadline(id),
        b.get(SilenceDeadlineService).sweep(),
      ]);
      expect(late).toEqual(['ALREADY_ENDED', 0]);
      expect(await adoptionEvents(a, draft.id)).toEqual([
        expect.objectContaining({
          actorId: null,
          details: expect.objectContaining({ silenceProcedureId: id }),
        }),
      ]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('never adopts twice when instances race for a deadline', async () => {
    const [a, b] = [await createTestApp({}, db), await createTestApp({}, db)];
    try {
      const draft = await draftIn(a, w.secretariat.token, 'NEGOTIATION');
      const { id } = await startSilence(a, w.secretariat.token, draft.id, inMs(60_000));
      await a.dataSource.query(
        `UPDATE silence_procedures SET deadline = clock_timestamp() - interval '1 second' WHERE id = $1`,
        [id],
      );
      const outcomes = await Promise.all([
        a.get(SilenceDeadlineService).adoptAtDeadline(id),
        b.get(SilenceDeadlineService).adoptAtDeadline(id),
        a.get(SilenceDeadlineService).sweep(),
        b.get(SilenceDeadlineService).sweep(),
      ]);
      expect(outcomes.filter((o) => o === 'ADOPTED' || o === 1)).toHaveLength(1);
      expect(await adoptionEvents(a, draft.id)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('gives a break and the deadline racing one consistent outcome', async () => {
    const t = await createTestApp({}, db);
    try {
      const deadlines = t.get(SilenceDeadlineService);
      for (const offset of [-30, -10, 0, 10, 30]) {
        const draft = await draftIn(t, w.secretariat.token, 'NEGOTIATION');
        const { id, deadline } = await startSilence(t, w.secretariat.token, draft.id, inMs(800));
        await new Promise((r) => setTimeout(r, new Date(deadline).getTime() - Date.now() + offset));
        const [broken, adopted] = await Promise.all([
          t.gql(BREAK, { id, reason: 'At the last moment.' }, w.headA.token),
          deadlines.adoptAtDeadline(id),
        ]);
        await new Promise((r) =>
          setTimeout(r, Math.max(0, new Date(deadline).getTime() - Date.now() + 50)),
        );
        const late = await deadlines.adoptAtDeadline(id); // as the job would, after the deadline
        const doc = ok(
          await t.gql(DOCUMENT_SILENCE, { id: draft.id }, w.secretariat.token),
        ).document;
        if (broken.errors) {
          expect(broken.errors[0].extensions.code).toBe('INVALID_STATE');
          expect(doc).toMatchObject({ status: 'ADOPTED', adoptedAt: deadline });
          expect(doc.silenceProcedure.status).toBe('CONCLUDED');
          // Here, or by the deadline job of the queue: once.
          expect(await adoptionEvents(t, draft.id)).toHaveLength(1);
        } else {
          expect(doc).toMatchObject({ status: 'NEGOTIATION', adoptedAt: null });
          expect(doc.silenceProcedure.status).toBe('BROKEN');
          expect([adopted, late]).not.toContain('ADOPTED');
          expect(await adoptionEvents(t, draft.id)).toHaveLength(0);
        }
      }
    } finally {
      await t.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
