import { Injectable } from '@nestjs/common';
import { Actor } from '@accord/common';
import { canonicalText, sha256Hex } from './canonical-text';
import { ClauseEntity } from '../clauses/clause.entity';
import { clauseNumbers } from '../clauses/clause-numbering';
import { ClausesRepository } from '../clauses/clauses.repository';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { VersionsRepository } from './versions.repository';

export interface NumberedClause {
  clause: ClauseEntity;
  number: string;
}

export interface RecordedVersion {
  document: DocumentEntity;
  version: DocumentVersionEntity;
  clauses: NumberedClause[];
}

/** Every change to a text ends here: an immutable, numbered snapshot with its SHA-256. */
@Injectable()
export class TextVersionsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly clauses: ClausesRepository,
    private readonly versions: VersionsRepository,
  ) {}

  /** The live clauses of a document with their display numbers. */
  async numbered(documentId: string): Promise<NumberedClause[]> {
    const live = await this.clauses.liveOf([documentId]);
    const numbers = clauseNumbers(live);
    return live.map((clause, i) => ({ clause, number: numbers[i] }));
  }

  /**
   * Call inside the change's transaction, with the document row locked and the change made:
   * the snapshot is of the text as the change left it. `reason` may name clauses by their new
   * numbers.
   */
  async record(
    actor: Actor | null,
    document: DocumentEntity,
    reason: string | ((clauses: NumberedClause[]) => string),
  ): Promise<RecordedVersion> {
    const clauses = await this.numbered(document.id);
    const snapshot = clauses.map(({ clause, number }) => ({
      id: clause.id,
      kind: clause.kind,
      number,
      text: clause.text,
    }));
    const text = canonicalText(document.title, snapshot);
    const version = await this.versions.insert({
      documentId: document.id,
      number: document.currentVersion + 1,
      createdById: actor?.id ?? null,
      reason: typeof reason === 'string' ? reason : reason(clauses),
      hash: sha256Hex(text),
      text,
      clauses: snapshot,
    });
    const updated = await this.documents.update(document.id, { currentVersion: version.number });
    return { document: updated, version, clauses };
  }
}
