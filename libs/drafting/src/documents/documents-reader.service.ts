import { Injectable } from '@nestjs/common';
import { Actor, DocumentStatus } from '@accord/common';
import { can } from '@accord/policy';
import { countBrackets } from '../clauses/brackets';
import { canonicalText, sha256Hex } from '../versions/canonical-text';
import { clauseNumbers } from '../clauses/clause-numbering';
import { ClauseEntity } from '../clauses/clause.entity';
import { DocumentVersionEntity } from '../versions/document-version.entity';
import { DocumentEntity } from './document.entity';
import { DocumentReadsRepository } from './document-reads.repository';

/** The open work on one clause: what an agenda gives time to. */
export interface ClauseWork {
  documentId: string;
  clauseId: string;
  number: string;
  position: number;
  openAmendments: number;
  openBrackets: number;
}

/** A live clause with its display number. */
export interface NumberedClauseRef {
  clause: ClauseEntity;
  number: string;
}

/**
 * What other libraries (signatures, meetings) may read of the drafting library: documents,
 * their visibility, the open work per clause, and the adopted text.
 */
@Injectable()
export class DocumentsReader {
  constructor(private readonly reads: DocumentReadsRepository) {}

  getById(id: string): Promise<DocumentEntity | null> {
    return this.reads.getById(id);
  }

  getByIds(ids: readonly string[]): Promise<DocumentEntity[]> {
    return this.reads.getByIds(ids);
  }

  getBySlug(slug: string): Promise<DocumentEntity | null> {
    return this.reads.getBySlug(slug);
  }

  /** For signing: the document, share-locked until the caller's transaction ends (see the repository). */
  getForSigning(id: string): Promise<DocumentEntity | null> {
    return this.reads.getShareLocked(id);
  }

  /** Live clauses by id with their display numbers (a number depends on every clause before it). */
  async numberedClauses(ids: readonly string[]): Promise<NumberedClauseRef[]> {
    if (!ids.length) return [];
    const live = await this.reads.liveClausesByIds(ids);
    if (!live.length) return [];
    const outline = await this.reads.clauseOutlines([...new Set(live.map((c) => c.documentId))]);
    const numberOf = new Map<string, string>();
    for (const documentId of new Set(outline.map((c) => c.documentId))) {
      const own = outline.filter((c) => c.documentId === documentId);
      clauseNumbers(own).forEach((number, i) => numberOf.set(own[i].id, number));
    }
    return live.map((clause) => ({ clause, number: numberOf.get(clause.id) ?? '' }));
  }

  listByStatus(statuses: readonly DocumentStatus[]): Promise<DocumentEntity[]> {
    return this.reads.listByStatus(statuses);
  }

  canRead(actor: Actor | null, document: DocumentEntity): boolean {
    return can(actor, 'document.read', document);
  }

  /** Clauses with open amendments or brackets, per document, in clause order. */
  async openWork(documentIds: readonly string[]): Promise<ClauseWork[]> {
    if (!documentIds.length) return [];
    const [clauses, amendments] = await Promise.all([
      this.reads.liveClauses(documentIds),
      this.reads.proposedAmendments(documentIds),
    ]);
    const amendmentsPerClause = new Map<string, number>();
    for (const a of amendments)
      amendmentsPerClause.set(a.clauseId, (amendmentsPerClause.get(a.clauseId) ?? 0) + 1);
    const work: ClauseWork[] = [];
    for (const documentId of documentIds) {
      const own = clauses.filter((c) => c.documentId === documentId);
      const numbers = clauseNumbers(own);
      own.forEach((clause, i) => {
        const openAmendments = amendmentsPerClause.get(clause.id) ?? 0;
        const openBrackets = countBrackets(clause.text).open;
        if (openAmendments || openBrackets) {
          work.push({
            documentId,
            clauseId: clause.id,
            number: numbers[i],
            position: clause.position,
            openAmendments,
            openBrackets,
          });
        }
      });
    }
    return work;
  }

  /**
   * One stored version of the text: its clauses as they stood, numbered, and when it was made
   * (what a printed text shows). The caller checks that the reader may see it.
   */
  getVersion(documentId: string, number: number): Promise<DocumentVersionEntity | null> {
    return this.reads.getVersion(documentId, number);
  }

  /**
   * The adopted text re-rendered from its stored version, and its SHA-256 recomputed: what a
   * signature's textHash is checked against. Null before adoption.
   */
  async adoptedText(document: DocumentEntity): Promise<{ text: string; hash: string } | null> {
    if (document.adoptedVersion === null) return null;
    const version = await this.reads.getVersion(document.id, document.adoptedVersion);
    if (!version) return null;
    const text = canonicalText(document.title, version.clauses);
    return { text, hash: sha256Hex(text) };
  }
}
