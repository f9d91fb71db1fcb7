import { Injectable } from '@nestjs/common';
import { DomainException } from '@accord/common';
import { AmendmentEntity } from '../amendments/amendment.entity';
import { AmendmentsRepository } from '../amendments/amendments.repository';
import { ClauseEntity } from '../clauses/clause.entity';
import { ClausesRepository } from '../clauses/clauses.repository';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { found } from './found';
import { silenceDeadlineText } from '../silence/silence-deadline-text';
import { SilenceRepository } from '../silence/silence.repository';

/** What a change may do while a silence procedure runs on the document. */
export interface LockOptions {
  /**
   * The change does not touch the circulated text (a comment, the silence procedure itself):
   * it goes ahead while silence runs. Every other change is refused then.
   */
  whileSilent?: boolean;
}

/**
 * How every change starts: lock the document row, then read what the change is about. Reads
 * made after the lock see the latest committed state, so checks (clause versions, statuses)
 * cannot be overtaken by a concurrent change of the same document. While a silence procedure
 * runs the text is frozen: every change of it (clauses, amendments, translations, status) is
 * refused here, in the one path they all take.
 */
@Injectable()
export class DraftLocks {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly clauses: ClausesRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly silence: SilenceRepository,
  ) {}

  async document(
    documentId: string,
    field = 'documentId',
    options: LockOptions = {},
  ): Promise<DocumentEntity> {
    const document = found(await this.documents.lockById(documentId), 'Document', field);
    if (!options.whileSilent) await this.assertNotSilent(document);
    return document;
  }

  /** INVALID_STATE while a silence procedure runs (read under the document's lock). */
  private async assertNotSilent(document: DocumentEntity): Promise<void> {
    const running = await this.silence.runningOn(document.id);
    if (!running) return;
    throw DomainException.invalidState(
      `A silence procedure runs on this document until ${silenceDeadlineText(running.deadline, running.timezone)}: the text is frozen until then`,
      { silenceProcedureId: running.id, silenceDeadline: running.deadline.toISOString() },
    );
  }

  /** The clause's document, locked, and the clause as it stands now; removed clauses are NOT_FOUND. */
  async clause(
    clauseId: string,
    field = 'clauseId',
    options: LockOptions = {},
  ): Promise<{ document: DocumentEntity; clause: ClauseEntity }> {
    const before = found(await this.clauses.getById(clauseId), 'Clause', field);
    const document = await this.document(before.documentId, 'documentId', options);
    const clause = await this.clauses.getById(clauseId);
    if (!clause || clause.deletedAt) throw DomainException.notFound('Clause', field);
    return { document, clause };
  }

  /** The amendment's document, locked, and the amendment as it stands now. */
  async amendment(
    amendmentId: string,
    field = 'amendmentId',
  ): Promise<{ document: DocumentEntity; amendment: AmendmentEntity }> {
    const before = found(await this.amendments.getById(amendmentId), 'Amendment', field);
    const document = await this.document(before.documentId);
    const amendment = found(await this.amendments.getById(amendmentId), 'Amendment', field);
    return { document, amendment };
  }
}
