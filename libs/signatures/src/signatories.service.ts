import { Injectable } from '@nestjs/common';
import { Actor } from '@accord/common';
import { DocumentsReader, StatementsByDocumentLoader } from '@accord/drafting';
import { statementsCell } from './statements-cell';
import { MeetingByIdLoader } from '@accord/meetings';
import { ParticipantByIdLoader } from '@accord/participants';
import { SignatoryRow, signatoriesCsv } from './signatories-csv';
import { SignaturesRepository } from './signatures.repository';

/** The public list of a document's signatories (CSV, printed texts): six reads whatever its length. */
@Injectable()
export class SignatoriesService {
  constructor(
    private readonly signatures: SignaturesRepository,
    private readonly documents: DocumentsReader,
    private readonly participantLoader: ParticipantByIdLoader,
    private readonly meetingLoader: MeetingByIdLoader,
    private readonly statementsLoader: StatementsByDocumentLoader,
  ) {}

  /** Null when there is no such document or the caller may not see it. */
  async csv(
    actor: Actor | null,
    slug: string,
    includeWithdrawn: boolean,
  ): Promise<{ filename: string; body: string } | null> {
    const document = await this.documents.getBySlug(slug);
    if (!document || !this.documents.canRead(actor, document)) return null;
    const rows = await this.signatories(document.id, includeWithdrawn);
    return { filename: `${document.slug}-signatories.csv`, body: signatoriesCsv(rows) };
  }

  /**
   * A document's signatories by participant name, then date: the caller has checked that the
   * reader may see the document (signatures are public with it).
   */
  async signatories(documentId: string, includeWithdrawn: boolean): Promise<SignatoryRow[]> {
    const signatures = (await this.signatures.ofDocuments([documentId])).filter(
      (s) => includeWithdrawn || s.withdrawnAt === null,
    );
    const meetingIds = [...new Set(signatures.flatMap((s) => (s.meetingId ? [s.meetingId] : [])))];
    const [participants, meetings, statements] = await Promise.all([
      this.participantLoader.create().loadMany(signatures.map((s) => s.participantId)),
      this.meetingLoader.create().loadMany(meetingIds),
      this.statementsLoader.create().load(documentId),
    ]);
    const standing = statements.filter((s) => !s.withdrawnAt);
    const clauses = await this.documents.numberedClauses([
      ...new Set(standing.flatMap((s) => s.clauseIds)),
    ]);
    const numbers = new Map(clauses.map((c) => [c.clause.id, c.number || 'heading']));
    const meetingTitles = new Map(
      meetings.flatMap((m) => (m && !(m instanceof Error) ? [[m.id, m.title] as const] : [])),
    );
    const rows = signatures.map((signature, i) => {
      const participant = participants[i];
      if (!participant || participant instanceof Error) {
        throw new Error(`Participant ${signature.participantId} of a signature is missing`);
      }
      return {
        participant: participant.name,
        kind: participant.kind,
        countryCode: participant.countryCode,
        signedAt: signature.signedAt,
        recorded: signature.recordedById !== null,
        meeting: signature.meetingId ? (meetingTitles.get(signature.meetingId) ?? null) : null,
        statement: signature.statement,
        textHash: signature.textHash,
        withdrawnAt: signature.withdrawnAt,
        withdrawalReason: signature.withdrawalReason,
        statements: statementsCell(
          standing.filter((s) => s.participantId === signature.participantId),
          numbers,
        ),
      };
    });
    return rows.sort(
      (a, b) =>
        a.participant.localeCompare(b.participant, 'en') ||
        a.signedAt.getTime() - b.signedAt.getTime(),
    );
  }
}
