import { Injectable, Logger } from '@nestjs/common';
import { DocumentsReader } from '@accord/drafting';
import { SignaturesService } from '@accord/signatures';
import { PALL_MALL } from './pall-mall-data';
import { SeedContext, SeedStep } from './seed-context';

/**
 * Signatures the sources date after the adoption day (keyed "<slug>/<participant>"); they were
 * given after the conference, so they name no meeting. Noon in Paris on the day.
 */
const SIGNED_LATER: Record<string, string> = {
  // "signed 'on Monday' after Friday 4 April publication"
  'code-of-practice-for-states-2025/Romania': '2025-04-07T10:00:00Z',
};

/**
 * The real signatures of both texts, recorded by the secretariat through the service (so the
 * rules and the audit trail apply), dated on the adoption day at the adoption meeting unless
 * the data says otherwise. Entries the sources leave uncertain are kept, and say so in their
 * statement. Runs after the drafting step, which opens both texts for signature; a text that
 * step did not create is skipped.
 */
@Injectable()
export class SignaturesSeed implements SeedStep {
  private readonly logger = new Logger(SignaturesSeed.name);

  constructor(
    private readonly signatures: SignaturesService,
    private readonly documents: DocumentsReader,
  ) {}

  async seed(context: SeedContext): Promise<void> {
    for (const text of PALL_MALL.documents) {
      const documentId = context.documentIds.get(text.slug);
      if (!documentId) {
        this.logger.warn(`No document ${text.slug} seeded: its signatures are skipped`);
        continue;
      }
      const document = await this.documents.getById(documentId);
      if (!document?.adoptedAt) throw new Error(`Seed: ${text.slug} has not been adopted`);
      const meetingId = context.meetingIds.get(text.adoptedAt_meeting) ?? null;
      for (const entry of PALL_MALL.signatures.filter((s) => s.document === text.slug)) {
        const participantId = context.participantIds.get(entry.participant);
        if (!participantId) throw new Error(`Seed: no participant named ${entry.participant}`);
        const later = SIGNED_LATER[`${text.slug}/${entry.participant}`];
        await this.signatures.record(context.secretariat, {
          documentId,
          participantId,
          signedAt: later ? new Date(later) : document.adoptedAt,
          meetingId: later ? null : meetingId,
          statement: entry.uncertain
            ? `Uncertain: ${entry.note ?? 'named by a single secondary source'}`
            : null,
        });
      }
    }
  }
}
