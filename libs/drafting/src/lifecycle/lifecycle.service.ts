import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DocumentStatus,
  DomainException,
  NOTIFIER,
  NotificationKind,
  Notifier,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { AdoptionReadiness } from './adoption-readiness.service';
import { DocumentEvents } from '../shared/document-events';
import { DocumentEntity } from '../documents/document.entity';
import { DocumentsRepository } from '../documents/documents.repository';
import { DraftLocks } from '../shared/draft-locks.service';
import { VersionsRepository } from '../versions/versions.repository';

interface Step {
  from: DocumentStatus;
  to: DocumentStatus;
  /** The operation's name, for messages. */
  name: string;
  action: string;
  /** The email the step sends to those who may read the document's record. */
  notify?: NotificationKind;
}

const STEPS = {
  openNegotiation: {
    from: DocumentStatus.DRAFT,
    to: DocumentStatus.NEGOTIATION,
    name: 'openNegotiation',
    action: 'document.negotiationOpened',
  },
  adopt: {
    from: DocumentStatus.NEGOTIATION,
    to: DocumentStatus.ADOPTED,
    name: 'adoptDocument',
    action: 'document.adopted',
    notify: NotificationKind.DOCUMENT_ADOPTED,
  },
  openForSignature: {
    from: DocumentStatus.ADOPTED,
    to: DocumentStatus.OPEN_FOR_SIGNATURE,
    name: 'openForSignature',
    action: 'document.openedForSignature',
    notify: NotificationKind.DOCUMENT_OPEN_FOR_SIGNATURE,
  },
  close: {
    from: DocumentStatus.OPEN_FOR_SIGNATURE,
    to: DocumentStatus.CLOSED,
    name: 'closeDocument',
    action: 'document.closed',
  },
} satisfies Record<string, Step>;

/**
 * DRAFT → NEGOTIATION → ADOPTED → OPEN_FOR_SIGNATURE → CLOSED: one step at a time, only
 * forward, by the secretariat, each audited. Adoption freezes the text and records its hash.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly locks: DraftLocks,
    private readonly documents: DocumentsRepository,
    private readonly versions: VersionsRepository,
    private readonly readiness: AdoptionReadiness,
    private readonly audit: AuditService,
    private readonly events: DocumentEvents,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  openNegotiation(actor: Actor | null, documentId: string): Promise<DocumentEntity> {
    return this.step(actor, documentId, STEPS.openNegotiation, async (document) => {
      if (document.currentVersion === 0) {
        throw DomainException.invalidState('Negotiation cannot open on a document with no clauses');
      }
      return {};
    });
  }

  adopt(actor: Actor | null, documentId: string): Promise<DocumentEntity> {
    return this.step(actor, documentId, STEPS.adopt, (document) =>
      this.adoptionChanges(document, new Date()),
    );
  }

  /**
   * Adoption by the platform itself (a silence procedure's deadline), dated `adoptedAt`: inside
   * the caller's transaction, on a document the caller has locked. `reason` goes into the audit
   * event; `notify` is the email sent instead of DOCUMENT_ADOPTED. The caller publishes the
   * change after its commit.
   */
  async adoptLocked(
    document: DocumentEntity,
    adoptedAt: Date,
    reason: Record<string, unknown>,
    notify: NotificationKind,
  ): Promise<DocumentEntity> {
    const changes = await this.adoptionChanges(document, adoptedAt);
    return this.apply(null, document, { ...STEPS.adopt, notify }, changes, reason);
  }

  private async adoptionChanges(
    document: DocumentEntity,
    adoptedAt: Date,
  ): Promise<Pick<DocumentEntity, 'adoptedAt' | 'adoptedHash' | 'adoptedVersion'>> {
    const { blockers, reasons } = await this.readiness.check(document);
    if (reasons.length) {
      throw DomainException.invalidState(`The document cannot be adopted: ${reasons.join('; ')}`, {
        ...blockers,
      });
    }
    // Every change made a version, so the latest one is exactly the text as it stands.
    const latest = await this.versions.get(document.id, document.currentVersion);
    if (!latest)
      throw new Error(`Document ${document.id} has no version ${document.currentVersion}`);
    return { adoptedAt, adoptedHash: latest.hash, adoptedVersion: latest.number };
  }

  openForSignature(actor: Actor | null, documentId: string): Promise<DocumentEntity> {
    return this.step(actor, documentId, STEPS.openForSignature, async () => ({}));
  }

  close(actor: Actor | null, documentId: string): Promise<DocumentEntity> {
    return this.step(actor, documentId, STEPS.close, async () => ({}));
  }

  /** `prepare` checks what the step needs and returns the fields it sets besides the status. */
  private async step(
    actor: Actor | null,
    documentId: string,
    step: Step,
    prepare: (
      document: DocumentEntity,
    ) => Promise<Partial<Pick<DocumentEntity, 'adoptedAt' | 'adoptedHash' | 'adoptedVersion'>>>,
  ): Promise<DocumentEntity> {
    const document = await this.txHost.withTransaction(async () => {
      const document = await this.locks.document(documentId);
      assertCan(actor, 'document.transition', document);
      this.assertStep(document, step);
      return this.apply(actor, document, step, await prepare(document));
    });
    await this.events.changed(document.id);
    return document;
  }

  private assertStep(document: DocumentEntity, step: Step): void {
    if (document.status !== step.from) {
      throw DomainException.invalidState(
        `${step.name} moves a document from ${step.from} to ${step.to}; this one is ${document.status}`,
        { status: document.status },
      );
    }
  }

  /** The step on a locked document, audited; `reason` adds to the audit details. */
  private async apply(
    actor: Actor | null,
    document: DocumentEntity,
    step: Step,
    changes: Partial<Pick<DocumentEntity, 'adoptedAt' | 'adoptedHash' | 'adoptedVersion'>>,
    reason: Record<string, unknown> = {},
  ): Promise<DocumentEntity> {
    this.assertStep(document, step);
    const updated = await this.documents.update(document.id, { status: step.to, ...changes });
    await this.audit.record(actor, {
      action: step.action,
      entityType: 'Document',
      entityId: document.id,
      // Plain JSON only: the audit hash is recomputed from the stored jsonb, where a Date is a string.
      details: {
        from: step.from,
        to: step.to,
        ...changes,
        ...(changes.adoptedAt && { adoptedAt: changes.adoptedAt.toISOString() }),
        ...reason,
      },
    });
    if (step.notify) await this.notifier.documentChanged(step.notify, document.id);
    return updated;
  }
}
