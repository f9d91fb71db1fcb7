import { createHash } from 'node:crypto';
import { DraftingSeed, INDUSTRY_DRAFT_SLUG } from '../../apps/api/src/seed/drafting.seed';
import { PALL_MALL } from '../../apps/api/src/seed/pall-mall-data';
import { ParticipantsSeed } from '../../apps/api/src/seed/participants.seed';
import { SeedContext } from '../../apps/api/src/seed/seed-context';
import { createTestApp, TestApp } from '../support/test-app';
import { code, ok, transition } from './drafting-fixtures';

const DOCUMENT = `query($slug: String) { document(slug: $slug) {
  id title status kind eligibleKinds version openBrackets bracketsBalanced adoptedAt adoptedHash adoptedVersion
  versions { number hash text }
  clauses { kind text comments { body author { email } replies { body author { email } } } }
  amendments { kind status rationale proposer { name } proposedBy { email } cosponsors { name } }
} }`;

describe('drafting: the demo seed step', () => {
  let t: TestApp;
  let context: SeedContext;
  const tokenOf = (email: string) => t.tokenFor(context.users.get(email)!.id);

  beforeAll(async () => {
    t = await createTestApp();
    ({ context } = await t.get(ParticipantsSeed).seed());
    await t.get(DraftingSeed).seed(context);
  });
  afterAll(() => t.close());

  it('hands the later steps the id of each text by slug', () => {
    expect([...context.documentIds.keys()].sort()).toEqual(
      [...PALL_MALL.documents.map((d) => d.slug), INDUSTRY_DRAFT_SLUG].sort(),
    );
  });

  it.each(PALL_MALL.documents.map((d) => [d.slug, d] as const))(
    'takes %s through the lifecycle to OPEN_FOR_SIGNATURE, adopted on the day the sources give',
    async (slug, text) => {
      const doc = ok(await t.gql(DOCUMENT, { slug }, null)).document;
      expect(doc).toMatchObject({
        id: context.documentIds.get(slug),
        title: text.title,
        kind: text.kind,
        status: 'OPEN_FOR_SIGNATURE',
        eligibleKinds: text.eligibleKinds,
        openBrackets: 0,
        adoptedAt: `${text.adoptedAt}T12:00:00.000Z`,
        // One version per clause added, per clause translated into French, and the French title.
        adoptedVersion: text.clausesParaphrased.length * 2 + 1,
      });
      expect(
        doc.clauses.map((c: { kind: string; text: string }) => ({ kind: c.kind, text: c.text })),
      ).toEqual(text.clausesParaphrased);
      // The public sees the adopted version only, and its hash is that of its text.
      expect(doc.versions).toHaveLength(1);
      expect(doc.adoptedHash).toBe(doc.versions[0].hash);
      expect(doc.adoptedHash).toBe(createHash('sha256').update(doc.versions[0].text).digest('hex'));
    },
  );

  it('leaves a draft in NEGOTIATION with open brackets, amendments by four delegations, a co-sponsorship and a comment thread', async () => {
    const doc = ok(
      await t.gql(
        DOCUMENT,
        { slug: INDUSTRY_DRAFT_SLUG },
        await tokenOf('delegate.google@accord.example'),
      ),
    ).document;
    expect(doc).toMatchObject({
      status: 'NEGOTIATION',
      kind: 'CODE_OF_PRACTICE',
      eligibleKinds: ['STATE', 'COMPANY'],
      bracketsBalanced: true,
      adoptedHash: null,
    });
    expect(doc.openBrackets).toBeGreaterThan(0);
    expect(doc.version).toBeGreaterThan(doc.clauses.length);
    const amendments = doc.amendments as {
      status: string;
      proposer: { name: string };
      cosponsors: { name: string }[];
      rationale: string;
    }[];
    expect(amendments.every((a) => a.status === 'PROPOSED' && a.rationale)).toBe(true);
    expect(amendments.map((a) => a.proposer.name).sort()).toEqual([
      'France',
      'Google',
      'Mexico',
      'United Kingdom',
    ]);
    expect(amendments.find((a) => a.proposer.name === 'United Kingdom')!.cosponsors).toEqual([
      { name: 'France' },
    ]);
    const threads = doc.clauses.flatMap((c: { comments: unknown[] }) => c.comments);
    expect(threads.length).toBeGreaterThanOrEqual(2);
    expect(threads.some((c: { replies: unknown[] }) => c.replies.length > 0)).toBe(true);
  });

  it('keeps the draft from those not eligible, and cannot adopt it while the work is open', async () => {
    expect(ok(await t.gql(DOCUMENT, { slug: INDUSTRY_DRAFT_SLUG }, null)).document).toBeNull();
    expect(
      ok(
        await t.gql(
          DOCUMENT,
          { slug: INDUSTRY_DRAFT_SLUG },
          await tokenOf('observer.au@accord.example'),
        ),
      ).document,
    ).toBeNull();
    const res = await t.gql(
      transition('adoptDocument'),
      { id: context.documentIds.get(INDUSTRY_DRAFT_SLUG) },
      await t.tokenFor(context.secretariat.id),
    );
    expect(code(res)).toBe('INVALID_STATE');
    expect(res.errors![0].message).toMatch(
      /bracketed passages are still open.*amendments are still PROPOSED/,
    );
  });
});
