import { DocumentKind, DocumentStatus, ParticipantKind } from '@accord/common';
import { MeetingsSeed, NEXT_MEETING } from '../../apps/api/src/seed/meetings.seed';
import { PALL_MALL } from '../../apps/api/src/seed/pall-mall-data';
import { ParticipantsSeed } from '../../apps/api/src/seed/participants.seed';
import { SeedContext } from '../../apps/api/src/seed/seed-context';
import { SignaturesSeed } from '../../apps/api/src/seed/signatures.seed';
import { createDocumentInStatus } from '../support/document-factory';
import { createDraftInNegotiation, ok } from '../support/meeting-factory';
import { createTestApp, TestApp } from '../support/test-app';

const MEETING = `query($id: ID!) { meeting(id: $id) {
  title status previousMeeting { id } nextMeeting { id }
  invitations { status participant { name } }
  actionItems { title status owner { name } }
  agenda { version publishedAt warnings markdown items { number kind title participants { name } } }
} }`;

describe('meetings: the demo seed steps', () => {
  let t: TestApp;
  let context: SeedContext;

  beforeAll(async () => {
    t = await createTestApp();
    ({ context } = await t.get(ParticipantsSeed).seed());
    await t.get(MeetingsSeed).seedMeetings(context);
    // What the drafting step provides: both adopted texts open for signature, and a draft in
    // negotiation with open work.
    for (const text of PALL_MALL.documents) {
      const doc = await createDocumentInStatus(t, {
        status: DocumentStatus.OPEN_FOR_SIGNATURE,
        eligibleKinds: text.eligibleKinds,
        slug: text.slug,
        title: text.title,
        kind: text.kind as DocumentKind,
        adoptedAt: new Date(`${text.adoptedAt}T12:00:00Z`),
      });
      context.documentIds.set(text.slug, doc.id);
    }
    await t.get(SignaturesSeed).seed(context);
    const uk = context.participantIds.get('United Kingdom')!;
    const fr = context.participantIds.get('France')!;
    await createDraftInNegotiation(t, {
      title: 'Pall Mall Process Good Practices for Industry',
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
      proposedById: context.secretariat.id,
      clauses: [
        { text: 'Companies [should] [shall] assess the risks of misuse before any sale.' },
        { text: 'Companies should keep records of their customers.', amendmentsBy: [uk, fr] },
        { text: 'Companies should publish an annual transparency report.' },
        { text: 'Vulnerabilities should be disclosed [within 90 days].', amendmentsBy: [fr] },
      ],
    });
    await t.get(MeetingsSeed).seedAgenda(context);
  });
  afterAll(() => t.close());

  const meeting = async (key: string) =>
    ok(await t.gql(MEETING, { id: context.meetingIds.get(key) }, await tokenOfSecretariat()))
      .meeting;
  const tokenOfSecretariat = () => t.tokenFor(context.secretariat.id);

  it('links London 2024 → Paris 2025 → Singapore 2025 → the next meeting, the past ones concluded', async () => {
    const keys = [...PALL_MALL.meetings.map((m) => m.key), NEXT_MEETING.key];
    for (const [k, key] of keys.entries()) {
      const m = await meeting(key);
      expect(m.previousMeeting?.id ?? null).toBe(k ? context.meetingIds.get(keys[k - 1]) : null);
      expect(m.status).toBe(k < 3 ? 'CONCLUDED' : 'CONFIRMED');
    }
  });

  it('records London’s signatories and those who attended without signing as ATTENDED', async () => {
    const london = await meeting('london-2024');
    const attended = london.invitations
      .filter((i: { status: string }) => i.status === 'ATTENDED')
      .map((i: { participant: { name: string } }) => i.participant.name);
    const expected = new Set([
      'United Kingdom',
      'France',
      ...PALL_MALL.signatures
        .filter((s) => s.document === 'pall-mall-declaration-2024')
        .map((s) => s.participant),
      ...PALL_MALL.attendedButDidNotSign
        .filter((s) => s.document === 'pall-mall-declaration-2024')
        .map((s) => s.participant),
    ]);
    expect(new Set(attended)).toEqual(expected);
    expect(london.invitations).toHaveLength(expected.size);
  });

  it('generates and publishes the next meeting’s agenda from the drafted and signed texts', async () => {
    const next = await meeting(NEXT_MEETING.key);
    expect(next.actionItems.map((a: { status: string }) => a.status)).toEqual(['OPEN', 'OPEN']);
    expect(next.agenda).toMatchObject({ version: 1, warnings: [] });
    expect(next.agenda.publishedAt).toBeTruthy();
    const kinds = next.agenda.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['OPENING', 'FOLLOW_UP', 'DOCUMENT_REVIEW', 'SIGNING', 'CLOSING']),
    );
    const signings = next.agenda.items.filter((i: { kind: string }) => i.kind === 'SIGNING');
    expect(signings.map((i: { title: string }) => i.title)).toEqual(
      PALL_MALL.documents.map((d) => `Signature of ${d.title}`),
    );
    // Mexico attended London without signing the Declaration, and accepted this invitation.
    expect(signings[0].participants.map((p: { name: string }) => p.name)).toContain('Mexico');
    expect(signings[0].participants.map((p: { name: string }) => p.name)).not.toContain(
      'United Kingdom',
    );
  });
});
