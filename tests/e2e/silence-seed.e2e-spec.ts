import { DraftingSeed } from '../../apps/api/src/seed/drafting.seed';
import { ParticipantsSeed } from '../../apps/api/src/seed/participants.seed';
import { SeedContext } from '../../apps/api/src/seed/seed-context';
import {
  SILENCE_DEMO_SLUG,
  SilenceStatementsSeed,
} from '../../apps/api/src/seed/silence-statements.seed';
import { createTestApp, TestApp } from '../support/test-app';
import { ok } from './drafting-fixtures';

describe('silence procedures and statements: the demo seed step', () => {
  let t: TestApp;
  let context: SeedContext;

  beforeAll(async () => {
    t = await createTestApp();
    ({ context } = await t.get(ParticipantsSeed).seed());
    await t.get(DraftingSeed).seed(context);
    await t.get(SilenceStatementsSeed).seed(context);
  });
  afterAll(() => t.close());

  it('shows the public that the text was adopted under silence, not who broke it', async () => {
    const doc = ok(
      await t.gql(
        `query($slug: String) { document(slug: $slug) { silenceProcedures { status breaks { reason } } } }`,
        { slug: SILENCE_DEMO_SLUG },
      ),
    ).document;
    expect(doc.silenceProcedures).toEqual([
      { status: 'BROKEN', breaks: [] },
      { status: 'CONCLUDED', breaks: [] },
    ]);
  });

  it('circulates a Pall Mall text under silence: broken once, then concluded and adopted at the deadline', async () => {
    const doc = ok(
      await t.gql(
        `query($slug: String) { document(slug: $slug) { status adoptedAt
          silenceProcedures { status deadline timezone concludedAt breaks { participant { name } reason } } } }`,
        { slug: SILENCE_DEMO_SLUG },
        await t.tokenFor(context.secretariat.id),
      ),
    ).document;
    expect(doc.status).toBe('ADOPTED');
    expect(doc.adoptedAt).toBe('2025-09-22T16:00:00.000Z');
    expect(doc.silenceProcedures).toEqual([
      expect.objectContaining({
        status: 'BROKEN',
        concludedAt: '2025-09-04T10:30:00.000Z',
        breaks: [expect.objectContaining({ participant: { name: 'France' } })],
      }),
      expect.objectContaining({
        status: 'CONCLUDED',
        deadline: '2025-09-22T16:00:00.000Z',
        timezone: 'Europe/London',
        concludedAt: '2025-09-22T16:00:00.000Z',
        breaks: [],
      }),
    ]);
  });

  it('puts interpretive declarations on record, anchored to clauses of the Code of Practice for States', async () => {
    const doc = ok(
      await t.gql(
        `query { document(slug: "code-of-practice-for-states-2025") {
          statements { kind participant { name } clauses { id } }
          clauses { statements { id } } } }`,
      ),
    ).document;
    expect(
      doc.statements.map((s: { participant: { name: string } }) => s.participant.name),
    ).toEqual(['France', 'Mexico', 'United Kingdom']);
    for (const s of doc.statements) {
      expect(s.kind).toBe('INTERPRETIVE_DECLARATION');
      expect(s.clauses.length).toBeGreaterThan(0);
    }
    const anchored = doc.clauses.reduce(
      (n: number, c: { statements: unknown[] }) => n + c.statements.length,
      0,
    );
    expect(anchored).toBe(4);
  });
});
