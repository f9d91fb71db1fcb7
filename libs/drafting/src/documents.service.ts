import { Injectable } from '@nestjs/common';
import {
  Actor,
  DocumentStatus,
  DomainException,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan, can, DocumentRef } from '@accord/policy';
import { DocumentReadsRepository } from './document-reads.repository';
import { ClauseDiffResult, documentDiff } from './document-diff';
import { slugFromTitle } from './document-slug';
import { DocumentEntity } from './document.entity';
import { DocumentsRepository } from './documents.repository';
import { CreateDocumentInput } from './dto/create-document.input';
import { VersionsRepository } from './versions.repository';

/** Documents: creation, what each caller may see of them, and comparing versions. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly reads: DocumentReadsRepository,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
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
    return this.txHost.withTransaction(async () => {
      const slug = input.slug
        ? await this.requestedSlug(input.slug)
        : await this.derivedSlug(title);
      const document = await this.documents.create({
        slug,
        title,
        kind: input.kind,
        eligibleKinds,
      });
      await this.audit.record(actor, {
        action: 'document.created',
        entityType: 'Document',
        entityId: document.id,
        details: { slug, title, kind: input.kind, eligibleKinds },
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

  /** A word-level diff per clause between any two versions (either order). */
  async diff(
    actor: Actor | null,
    documentId: string,
    fromVersion: number,
    toVersion: number,
  ): Promise<ClauseDiffResult[]> {
    const document = await this.visible(actor, documentId);
    if (!document) throw DomainException.notFound('Document', 'documentId');
    assertCan(actor, 'document.readHistory', document);
    const [from, to] = await Promise.all([
      this.versions.get(documentId, fromVersion),
      this.versions.get(documentId, toVersion),
    ]);
    const missing = (field: string, number: number) =>
      DomainException.badInput(
        field,
        `Version ${number} does not exist; this document has versions 1 to ${document.currentVersion}`,
      );
    if (!from) throw missing('fromVersion', fromVersion);
    if (!to) throw missing('toVersion', toVersion);
    return documentDiff(from.clauses, to.clauses);
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
