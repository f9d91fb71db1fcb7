import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { DocumentEntity } from '../documents/document.entity';

/**
 * For demo data only: texts adopted before the platform existed keep their real adoption
 * date. The adopted hash and version are untouched; nothing in the API can reach this.
 */
@Injectable()
export class DraftingSeedRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  async backdateAdoption(documentId: string, adoptedAt: Date): Promise<void> {
    await this.txHost.tx.getRepository(DocumentEntity).update({ id: documentId }, { adoptedAt });
  }

  /**
   * Demo silence procedures happened in the past: their times are moved back (a break, when
   * there is one, to `endedAt`). Only RUNNING or BROKEN ones: a CONCLUDED one is dated by its
   * adoption at the deadline.
   */
  async backdateSilence(
    procedureId: string,
    times: { startedAt: Date; deadline: Date; endedAt?: Date },
  ): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE silence_procedures SET "startedAt" = $2, deadline = $3,
         "concludedAt" = CASE WHEN status = 'RUNNING' THEN NULL ELSE $4::timestamptz END
       WHERE id = $1 AND status IN ('RUNNING', 'BROKEN')`,
      [procedureId, times.startedAt, times.deadline, times.endedAt ?? null],
    );
    if (times.endedAt) {
      await this.txHost.tx.query(
        `UPDATE silence_breaks SET "brokenAt" = $2 WHERE "procedureId" = $1`,
        [procedureId, times.endedAt],
      );
    }
  }

  /** The live clauses of a document, in order. */
  async clauseIdsOf(documentId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.txHost.tx.query(
      `SELECT id FROM clauses WHERE "documentId" = $1 AND "deletedAt" IS NULL ORDER BY position`,
      [documentId],
    );
    return rows.map((r) => r.id);
  }
}
