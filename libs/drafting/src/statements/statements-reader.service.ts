import { Injectable } from '@nestjs/common';
import { ParticipantByIdLoader } from '@accord/participants';
import { StatementKind } from './statement-kind';
import { StatementsRepository } from './statements.repository';

const KIND_LABELS: Record<StatementKind, string> = {
  [StatementKind.GENERAL]: 'General statement',
  [StatementKind.INTERPRETIVE_DECLARATION]: 'Interpretive declaration',
  [StatementKind.RESERVATION]: 'Reservation',
  [StatementKind.OBJECTION]: 'Objection',
};

/** A statement as a published text shows it. */
export interface PublishedStatement {
  id: string;
  kind: StatementKind;
  /** "Interpretive declaration", "Reservation"… */
  kindLabel: string;
  participant: string;
  text: string;
  madeAt: Date;
  /** Empty: it concerns the text as a whole. */
  clauseIds: string[];
}

/** What other libraries (publishing, signatures) may read of statements: the public record. */
@Injectable()
export class StatementsReader {
  constructor(
    private readonly statements: StatementsRepository,
    private readonly participants: ParticipantByIdLoader,
  ) {}

  /** The statements that stand (not withdrawn) on a document, oldest first: two reads. */
  async standing(documentId: string): Promise<PublishedStatement[]> {
    const rows = (await this.statements.ofDocuments([documentId])).filter((s) => !s.withdrawnAt);
    if (!rows.length) return [];
    const participants = await this.participants
      .create()
      .loadMany([...new Set(rows.map((s) => s.participantId))]);
    const names = new Map(
      participants.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p.name] as const] : [])),
    );
    return rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      kindLabel: KIND_LABELS[s.kind],
      participant: names.get(s.participantId) ?? 'Unknown participant',
      text: s.text,
      madeAt: s.madeAt,
      clauseIds: s.clauseIds,
    }));
  }
}
