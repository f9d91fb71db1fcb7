import { Injectable } from '@nestjs/common';
import {
  Actor,
  DiffOp,
  DocumentStatus,
  DomainException,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan, can, DocumentRef } from '@accord/policy';
import { DocumentReadsRepository } from './document-reads.repository';
import { DIFF_LIMITS } from '../versions/diff-limits';
import {
  changedClauses,
  ClauseDiffResult,
  DiffChunk,
  DiffableClause,
  documentDiff,
} from '../versions/document-diff';
import { slugFromTitle } from './document-slug';
import { DocumentEntity } from './document.entity';
import { declaredLanguage } from '../translations/declared-language';
import { languageCodes } from '../translations/language-codes';
import { ClauseSnapshot } from '../versions/document-version.entity';
import { DocumentsRepository } from './documents.repository';
import { CreateDocumentInput } from './create-document.input';
import { VersionsRepository } from '../versions/versions.repository';
import { WordDiffPool, WordRuns } from '../versions/word-diff-pool';

/** Documents: creation, what each caller may see of them, and comparing versions. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly reads: DocumentReadsRepository,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    private readonly wordDiffs: WordDiffPool,
  ) {}

  async create(actor: Actor | null, input: CreateDocumentInput): Promise<DocumentEntity> {
    assertCan(actor, 'document.create', {});
    const title = input.title.trim();
    if (!title) throw DomainException.badInput('title', 'title must not be empty');
    const eligibleKinds = [...new Set(input.eligibleKinds)];
    if (!eligibleKinds.length) {
      throw DomainException.badInput(
        'eligibleKinds',
        'eligibleKinds must name at least one participant kind',
      );
    }
    const languages = languageCodes(input.languages ?? ['en']);
    return this.txHost.withTransaction(async () => {
      const slug = input.slug
        ? await this.requestedSlug(input.slug)
        : await this.derivedSlug(title);
      const document = await this.documents.create({
        slug,
        title,
        kind: input.kind,
        eligibleKinds,
        languages,
      });
      await this.audit.record(actor, {
        action: 'document.created',
        entityType: 'Document',
        entityId: document.id,
        details: { slug, title, kind: input.kind, eligibleKinds, languages },
      });
      return document;
    });
  }

  /** The documents the caller may see, oldest first. */
  async list(actor: Actor | null, status: DocumentStatus | null): Promise<DocumentEntity[]> {
    const documents = await this.reads.listByStatus(status ? [status] : null);
    return documents.filter((document) => this.canRead(actor, document));
  }

  /**
   * By id or slug (both must match when both are given). A document the caller may not see is
   * answered as if it did not exist: null, so that drafts do not even reveal their existence.
   */
  async find(
    actor: Actor | null,
    { id, slug }: { id?: string | null; slug?: string | null },
  ): Promise<DocumentEntity | null> {
    if (!id && !slug) throw DomainException.badInput('id', 'Give the document’s id or its slug');
    const document = id ? await this.reads.getById(id) : await this.reads.getBySlug(slug!);
    if (!document || (slug && document.slug !== slug)) return null;
    return this.canRead(actor, document) ? document : null;
  }

  /** The document if the caller may see it, else null: what a subscriber is sent. */
  async visible(actor: Actor | null, documentId: string): Promise<DocumentEntity | null> {
    const document = await this.reads.getById(documentId);
    return document && this.canRead(actor, document) ? document : null;
  }

  canRead(actor: Actor | null, document: DocumentRef): boolean {
    return can(actor, 'document.read', document);
  }

  /** Amendments, comments and earlier versions: for those who may see the draft. */
  canReadHistory(actor: Actor | null, document: DocumentRef): boolean {
    return can(actor, 'document.readHistory', document);
  }

  /**
   * A word-level diff per clause between any two versions (either order). Versions beyond
   * DIFF_LIMITS are refused; the word diff runs off the event loop under a time budget, and
   * clauses it could not finish are answered at clause level. `language`: an authentic
   * language of the document (absent: the language of negotiation); a version made before the
   * language had a translation of a clause shows that clause's text as empty.
   */
  async diff(
    actor: Actor | null,
    documentId: string,
    fromVersion: number,
    toVersion: number,
    language: string | null = null,
  ): Promise<ClauseDiffResult[]> {
    const document = await this.visible(actor, documentId);
    if (!document) throw DomainException.notFound('Document', 'documentId');
    assertCan(actor, 'document.readHistory', document);
    const inLanguage = language === null ? null : declaredLanguage(document, language);
    await this.assertDiffable(documentId, fromVersion, 'fromVersion', document.currentVersion);
    await this.assertDiffable(documentId, toVersion, 'toVersion', document.currentVersion);
    const [from, to] = (
      await Promise.all([
        this.versions.clausesOf(documentId, fromVersion),
        this.versions.clausesOf(documentId, toVersion),
      ])
    ).map((clauses) => clauses && textsIn(clauses, inLanguage, document.languages[0]));
    if (!from || !to) throw DomainException.notFound('Version', from ? 'toVersion' : 'fromVersion');
    const changed = changedClauses(from, to);
    const runs = await this.wordDiffs.diff(changed.map(([a, b]) => [a.text, b.text]));
    const byClause = new Map(changed.map(([, later], i) => [later.id, runs[i]]));
    return documentDiff(from, to, (_earlier: DiffableClause, later) =>
      chunksOf(byClause.get(later.id) ?? null),
    );
  }

  /** The version exists and is small enough to compare: measured before it is loaded. */
  private async assertDiffable(
    documentId: string,
    number: number,
    field: string,
    latest: number,
  ): Promise<void> {
    const size = await this.versions.size(documentId, number);
    if (!size) {
      throw DomainException.badInput(
        field,
        `Version ${number} does not exist; this document has versions 1 to ${latest}`,
      );
    }
    if (size.clauses > DIFF_LIMITS.maxClauses || size.characters > DIFF_LIMITS.maxCharacters) {
      throw DomainException.badInput(
        field,
        `Version ${number} is too large to compare (${size.clauses} clauses, ${size.characters} characters; ` +
          `the limits are ${DIFF_LIMITS.maxClauses} clauses and ${DIFF_LIMITS.maxCharacters} characters)`,
      );
    }
  }

  private async requestedSlug(slug: string): Promise<string> {
    if ((await this.documents.slugsLike(slug)).includes(slug)) {
      throw DomainException.conflict(`The slug "${slug}" is taken`, { field: 'slug' });
    }
    return slug;
  }

  /** From the title; a taken slug gets the first free "-2", "-3"… suffix. */
  private async derivedSlug(title: string): Promise<string> {
    const base = slugFromTitle(title);
    const taken = new Set(await this.documents.slugsLike(base));
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }
}

/** The clauses of a version as they read in `language` (null: the language of negotiation). */
function textsIn(
  clauses: ClauseSnapshot[],
  language: string | null,
  original: string,
): ClauseSnapshot[] {
  if (language === null || language === original) return clauses;
  return clauses.map((clause) => ({ ...clause, text: clause.translations?.[language] ?? '' }));
}

const OPS = { [-1]: DiffOp.DELETE, 0: DiffOp.EQUAL, 1: DiffOp.INSERT } as const;

function chunksOf(runs: WordRuns): DiffChunk[] | null {
  return runs && runs.map(([op, text]) => ({ op: OPS[op], text }));
}
