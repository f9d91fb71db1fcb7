import { DocumentKind, DocumentStatus, PlatformRole } from '@accord/common';
import { MeetingEntity } from '@accord/meetings';
import { SignatureEntity } from '@accord/signatures';
import { PALL_MALL } from '../../apps/api/src/seed/pall-mall-data';
import { ParticipantsSeed } from '../../apps/api/src/seed/participants.seed';
import { SeedContext } from '../../apps/api/src/seed/seed-context';
import { SignaturesSeed } from '../../apps/api/src/seed/signatures.seed';
import { createDocumentInStatus } from '../support/document-factory';
import { createTestApp, TestApp } from '../support/test-app';

describe('signatures: the demo seed step', () => {
  let t: TestApp;
  let context: SeedContext;
  const adoptedAt = new Map<string, Date>();

  beforeAll(async () => {
    t = await createTestApp();
    ({ context } = await t.get(ParticipantsSeed).seed());
    for (const meeting of PALL_MALL.meetings) {
      const saved = await t.dataSource.getRepository(MeetingEntity).save({
        title: meeting.title,
        city: meeting.city,
        venue: meeting.venue,
        timezone: meeting.timezone,
        startsAt: new Date(meeting.startsAt),
        endsAt: new Date(meeting.endsAt),
      });
      context.meetingIds.set(meeting.key, saved.id);
    }
  });
  afterAll(() => t.close());

  const rows = () =>
    t.dataSource.getRepository(SignatureEntity).find({ relations: { participant: true } });

  it('does nothing for a text the drafting step did not create', async () => {
    await t.get(SignaturesSeed).seed({ ...context, documentIds: new Map() });
    expect(await rows()).toEqual([]);
  });

  it('records every signature of the data, dated and placed as the sources say, uncertain ones marked', async () => {
    for (const text of PALL_MALL.documents) {
      const at = new Date(`${text.adoptedAt}T12:00:00Z`);
      adoptedAt.set(text.slug, at);
      const doc = await createDocumentInStatus(t, {
        status: DocumentStatus.OPEN_FOR_SIGNATURE,
        eligibleKinds: text.eligibleKinds,
        slug: text.slug,
        title: text.title,
        kind: text.kind as DocumentKind,
        adoptedAt: at,
      });
      context.documentIds.set(text.slug, doc.id);
    }
    await t.get(SignaturesSeed).seed(context);

    const all = await rows();
    expect(all).toHaveLength(PALL_MALL.signatures.length);
    const slugOf = new Map([...context.documentIds].map(([slug, id]) => [id, slug]));
    const secretariat = context.secretariat;
    expect(secretariat.platformRole).toBe(PlatformRole.SECRETARIAT);
    for (const entry of PALL_MALL.signatures) {
      const row = all.find(
        (r) =>
          slugOf.get(r.documentId) === entry.document && r.participant!.name === entry.participant,
      );
      const text = PALL_MALL.documents.find((d) => d.slug === entry.document)!;
      expect(row).toMatchObject({
        recordedById: secretariat.id,
        signedById: null,
        withdrawnAt: null,
        statement: entry.uncertain ? `Uncertain: ${entry.note}` : null,
      });
      if (entry.participant === 'Romania') {
        expect(row!.signedAt.toISOString()).toBe('2025-04-07T10:00:00.000Z');
        expect(row!.meetingId).toBeNull();
      } else {
        expect(row!.signedAt).toEqual(adoptedAt.get(entry.document));
        expect(row!.meetingId).toBe(context.meetingIds.get(text.adoptedAt_meeting));
      }
    }
    const audited = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'signature.recorded'`,
    );
    expect(audited[0].n).toBe(PALL_MALL.signatures.length);
  });
});
