import { DocumentsReader } from '@accord/drafting';
import { DraftingSeed, INDUSTRY_DRAFT_SLUG } from '../../apps/api/src/seed/drafting.seed';
import { MeetingsSeed, NEXT_MEETING } from '../../apps/api/src/seed/meetings.seed';
import { FRENCH } from '../../apps/api/src/seed/pall-mall-french';
import { PALL_MALL } from '../../apps/api/src/seed/pall-mall-data';
import { ParticipantsSeed } from '../../apps/api/src/seed/participants.seed';
import { SeedContext } from '../../apps/api/src/seed/seed-context';
import { SignaturesSeed } from '../../apps/api/src/seed/signatures.seed';
import { createTestApp, TestApp } from '../support/test-app';
import { ok } from './drafting-fixtures';

const DOCUMENT = `query($slug: String) { document(slug: $slug) {
  id languages title fr: title(language: "fr") adoptedHash
  translationStatus { language current stale missing }
  clauses { number text fr: translation(language: "fr") { text stale sourceVersion } }
  signatures { id textHash }
} }`;
const VERIFY = `query($id: ID!) { verifySignature(signatureId: $id) { matchesAdoptedText adoptedText } }`;
const AGENDA = `query($id: ID!) { meeting(id: $id) { agenda { items { title notes document { id } } } } }`;

/** The whole demo chain: the texts in English and French, signed, and the next meeting's agenda. */
describe('drafting: the demo texts in English and French', () => {
  let t: TestApp;
  let context: SeedContext;
  const token = () => t.tokenFor(context.secretariat.id);

  beforeAll(async () => {
    t = await createTestApp();
    ({ context } = await t.get(ParticipantsSeed).seed());
    await t.get(MeetingsSeed).seedMeetings(context);
    await t.get(DraftingSeed).seed(context);
    await t.get(SignaturesSeed).seed(context);
    await t.get(MeetingsSeed).seedAgenda(context);
  });
  afterAll(() => t.close());

  it.each(PALL_MALL.documents.map((d) => [d.slug] as const))(
    'adopts %s in English and French, every French clause current, and its signatures verify',
    async (slug) => {
      const doc = ok(await t.gql(DOCUMENT, { slug }, null)).document;
      expect(doc.languages).toEqual(['en', 'fr']);
      expect(doc.fr).toBe(FRENCH[slug].title);
      const count = doc.clauses.length;
      expect(doc.translationStatus).toEqual([
        { language: 'en', current: count, stale: 0, missing: 0 },
        { language: 'fr', current: count, stale: 0, missing: 0 },
      ]);
      expect(doc.clauses.map((c: { fr: { text: string } }) => c.fr.text)).toEqual(
        FRENCH[slug].clauses,
      );
      const reader = t.get(DocumentsReader);
      const adopted = await reader.adoptedText((await reader.getById(doc.id))!);
      expect(adopted!.hash).toBe(doc.adoptedHash);
      expect(adopted!.text).toContain(`\n[fr]\n${FRENCH[slug].title}\n\n`);
      expect(doc.signatures.length).toBeGreaterThan(0);
      for (const signature of doc.signatures) {
        expect(signature.textHash).toBe(doc.adoptedHash);
        const verified = ok(await t.gql(VERIFY, { id: signature.id }, null)).verifySignature;
        expect(verified).toEqual({ matchesAdoptedText: true, adoptedText: adopted!.text });
      }
    },
  );

  it('shows the newcomer one stale French clause in the industry draft, and gives it an agenda sub-item', async () => {
    const doc = ok(await t.gql(DOCUMENT, { slug: INDUSTRY_DRAFT_SLUG }, await token())).document;
    expect(doc.translationStatus).toEqual([
      { language: 'en', current: 10, stale: 0, missing: 0 },
      { language: 'fr', current: 9, stale: 1, missing: 0 },
    ]);
    const stale = doc.clauses.filter((c: { fr: { stale: boolean } }) => c.fr.stale);
    expect(stale).toEqual([
      {
        number: '6',
        text: expect.stringContaining('accessible channels'),
        fr: {
          text: expect.stringContaining('canaux de signalement'),
          stale: true,
          sourceVersion: 1,
        },
      },
    ]);
    const meetingId = context.meetingIds.get(NEXT_MEETING.key)!;
    const { items } = ok(await t.gql(AGENDA, { id: meetingId }, await token())).meeting.agenda;
    expect(items).toContainEqual({
      title: 'Stale translations',
      notes: 'fr: clause 6',
      document: { id: doc.id },
    });
  });
});
