import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  DocumentStatus,
  DomainException,
  ParticipantKind,
  NOTIFIER,
  Notifier,
  PUB_SUB,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { DocumentEntity, DocumentsReader } from '@accord/drafting';
import { ParticipantsService } from '@accord/participants';
import { assertCan, can, DocumentRef, SigningRef } from '@accord/policy';
import { PubSubEngine } from 'graphql-subscriptions';
import { RecordSignatureInput } from './dto/record-signature.input';
import { SignDocumentArgs } from './dto/sign-document.args';
import { WithdrawSignatureArgs } from './dto/withdraw-signature.args';
import { MeetingRefsRepository } from './meeting-refs.repository';
import { SIGNATURE_ADDED, SignatureAddedEvent } from './signature-events';
import { SignatureEntity } from './signature.entity';
import { NewSignature, SignaturesRepository } from './signatures.repository';

type SigningAction = 'signature.sign' | 'signature.record';

const OPEN = DocumentStatus.OPEN_FOR_SIGNATURE;

/** Signing, recording and withdrawing signatures; what a caller may see of them. */
@Injectable()
export class SignaturesService {
  private readonly logger = new Logger(SignaturesService.name);

  constructor(
    private readonly signatures: SignaturesRepository,
    private readonly meetings: MeetingRefsRepository,
    private readonly documents: DocumentsReader,
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** A head of delegation signs, now, for its own participant. */
  async sign(actor: Actor | null, args: SignDocumentArgs): Promise<SignatureEntity> {
    const participantId = actor?.membership?.participantId ?? '';
    this.assertActsFor(actor, 'signature.sign', participantId);
    const signature = await this.txHost.withTransaction(async () => {
      const document = await this.readableDocument(actor, args.documentId, 'documentId', true);
      const participantKind = actor!.membership!.participantKind;
      this.assertOpenToSigner(
        actor,
        'signature.sign',
        signingRef(document, participantId, participantKind),
        () => DomainException.forbidden(ineligibleMessage(participantKind, document)),
      );
      const meetingId = await this.checkMeeting(args.meetingId);
      const created = await this.insert({
        documentId: document.id,
        participantId,
        signedAt: new Date(),
        signedById: actor!.id,
        recordedById: null,
        meetingId,
        textHash: adoptedHashOf(document),
        statement: normaliseStatement(args.statement),
      });
      await this.audit.record(actor, auditOf('signature.signed', created));
      await this.notifier.signatureRecorded(created.documentId, created.participantId);
      return created;
    });
    await this.announce(signature);
    return signature;
  }

  /** The secretariat records a signature given on paper or at a ceremony, possibly in the past. */
  async record(actor: Actor | null, input: RecordSignatureInput): Promise<SignatureEntity> {
    this.assertActsFor(actor, 'signature.record', input.participantId);
    const signature = await this.txHost.withTransaction(async () => {
      const document = await this.readableDocument(actor, input.documentId, 'documentId', true);
      const participant = await this.participants.getById(input.participantId);
      if (!participant) throw DomainException.notFound('Participant', 'participantId');
      const ref = signingRef(document, participant.id, participant.kind);
      this.assertOpenToSigner(actor, 'signature.record', ref, () =>
        DomainException.badInput('participantId', ineligibleMessage(participant.kind, document)),
      );
      const signedAt = checkSignedAt(input.signedAt ?? new Date(), document);
      const meetingId = await this.checkMeeting(input.meetingId);
      const created = await this.insert({
        documentId: document.id,
        participantId: participant.id,
        signedAt,
        signedById: null,
        recordedById: actor!.id,
        meetingId,
        textHash: adoptedHashOf(document),
        statement: normaliseStatement(input.statement),
      });
      await this.audit.record(actor, auditOf('signature.recorded', created));
      await this.notifier.signatureRecorded(created.documentId, created.participantId);
      return created;
    });
    await this.announce(signature);
    return signature;
  }

  /** Kept and marked, never deleted; it no longer counts, and the participant may sign again. */
  async withdraw(actor: Actor | null, args: WithdrawSignatureArgs): Promise<SignatureEntity> {
    return this.txHost.withTransaction(async () => {
      const signature = await this.signatures.getById(args.signatureId);
      if (!signature) throw DomainException.notFound('Signature', 'signatureId');
      assertCan(actor, 'signature.withdraw', { participantId: signature.participantId });
      const reason = args.reason.trim();
      if (!reason) throw DomainException.badInput('reason', 'reason must not be empty');
      const change = {
        withdrawnAt: new Date(),
        withdrawalReason: reason,
        withdrawnById: actor!.id,
      };
      if (signature.withdrawnAt || !(await this.signatures.markWithdrawn(signature.id, change))) {
        throw DomainException.invalidState('This signature has already been withdrawn');
      }
      const withdrawn = Object.assign(signature, change);
      await this.audit.record(actor, {
        action: 'signature.withdrawn',
        entityType: 'Signature',
        entityId: signature.id,
        details: {
          documentId: signature.documentId,
          participantId: signature.participantId,
          reason,
        },
      });
      return withdrawn;
    });
  }

  /** A signature, if the caller may see its document. */
  async getVisible(actor: Actor | null, id: string): Promise<SignatureEntity | null> {
    const signature = await this.signatures.getById(id);
    if (!signature) return null;
    const document = await this.documents.getById(signature.documentId);
    return document && this.documents.canRead(actor, document) ? signature : null;
  }

  canSeeDocument(actor: Actor | null, document: DocumentRef): boolean {
    return can(actor, 'document.read', document);
  }

  /** signedBy and recordedBy are users, with email addresses: not for the public. */
  canSeeSigners(actor: Actor | null): boolean {
    return can(actor, 'signature.readSigner', {});
  }

  /** signatureAdded: the document must exist and be visible to the subscriber. */
  async assertCanWatch(actor: Actor | null, documentId: string): Promise<void> {
    await this.readableDocument(actor, documentId, 'documentId');
  }

  async canWatch(actor: Actor | null, documentId: string): Promise<boolean> {
    const document = await this.documents.getById(documentId);
    return !!document && this.documents.canRead(actor, document);
  }

  private async readableDocument(
    actor: Actor | null,
    id: string,
    field: string,
    forSigning = false,
  ): Promise<DocumentEntity> {
    // When signing, share-locked: a lifecycle step (closing) cannot overtake the signature.
    const document = forSigning
      ? await this.documents.getForSigning(id)
      : await this.documents.getById(id);
    // A draft the caller may not read is reported as missing: its existence is not public.
    if (!document || !this.documents.canRead(actor, document)) {
      throw DomainException.notFound('Document', field);
    }
    return document;
  }

  /** FORBIDDEN when the caller may not act for this participant whatever the document's state. */
  private assertActsFor(actor: Actor | null, action: SigningAction, participantId: string): void {
    const anyOpenText: SigningRef = {
      status: OPEN,
      participantId,
      participantKind: ParticipantKind.STATE,
      eligibleKinds: [ParticipantKind.STATE],
    };
    if (can(actor, action, anyOpenText)) return;
    if (!actor) throw DomainException.unauthenticated();
    throw DomainException.forbidden(
      action === 'signature.sign'
        ? 'Only a head of delegation signs, and only for its own participant'
        : 'Only the secretariat records signatures',
    );
  }

  /** The caller may act: what is left in the way is the document's status or the participant's kind. */
  private assertOpenToSigner(
    actor: Actor | null,
    action: SigningAction,
    ref: SigningRef,
    ineligible: () => DomainException,
  ): void {
    if (ref.status !== OPEN) {
      throw DomainException.invalidState(
        `This document is ${ref.status}: it can be signed only while OPEN_FOR_SIGNATURE`,
        { status: ref.status },
      );
    }
    if (!ref.eligibleKinds.includes(ref.participantKind)) throw ineligible();
    assertCan(actor, action, ref);
  }

  private async checkMeeting(meetingId: string | null | undefined): Promise<string | null> {
    if (!meetingId) return null;
    if (!(await this.meetings.exists(meetingId))) {
      throw DomainException.notFound('Meeting', 'meetingId');
    }
    return meetingId;
  }

  private async insert(signature: NewSignature): Promise<SignatureEntity> {
    const active = await this.signatures.activeFor(signature.documentId, signature.participantId);
    if (active) {
      throw DomainException.conflict('This participant has already signed this document', {
        participantId: signature.participantId,
        signatureId: active.id,
      });
    }
    return this.signatures.insert(signature);
  }

  /** After commit; the signature stands even if the notification cannot be sent. */
  private async announce(signature: SignatureEntity): Promise<void> {
    const event: SignatureAddedEvent = {
      signatureId: signature.id,
      documentId: signature.documentId,
    };
    try {
      await this.pubSub.publish(SIGNATURE_ADDED, event);
    } catch (error) {
      this.logger.warn(`signatureAdded not published for ${signature.id}: ${String(error)}`);
    }
  }
}

function signingRef(
  document: DocumentEntity,
  participantId: string,
  participantKind: ParticipantKind,
): SigningRef {
  return {
    status: document.status,
    eligibleKinds: document.eligibleKinds,
    participantId,
    participantKind,
  };
}

/** What is signed: the hash frozen at adoption (a document open for signature always has one). */
function adoptedHashOf(document: DocumentEntity): string {
  if (!document.adoptedHash) {
    throw DomainException.invalidState('This document has no adopted text to sign');
  }
  return document.adoptedHash;
}

function ineligibleMessage(kind: ParticipantKind, document: DocumentEntity): string {
  return `A ${kind} participant may not sign this document: it is open to ${document.eligibleKinds.join(', ')}`;
}

/** A blank statement is no statement. */
function normaliseStatement(statement: string | null | undefined): string | null {
  return statement?.trim() || null;
}

function checkSignedAt(signedAt: Date, document: DocumentEntity): Date {
  if (Number.isNaN(signedAt.getTime())) {
    throw DomainException.badInput('signedAt', 'signedAt must be a date and time');
  }
  if (signedAt.getTime() > Date.now()) {
    throw DomainException.badInput('signedAt', 'signedAt must not be in the future');
  }
  if (document.adoptedAt && signedAt < document.adoptedAt) {
    throw DomainException.badInput(
      'signedAt',
      `signedAt must not be before the document was adopted (${document.adoptedAt.toISOString()})`,
    );
  }
  return signedAt;
}

function auditOf(action: string, signature: SignatureEntity) {
  return {
    action,
    entityType: 'Signature',
    entityId: signature.id,
    details: {
      documentId: signature.documentId,
      participantId: signature.participantId,
      signedAt: signature.signedAt.toISOString(),
      meetingId: signature.meetingId,
      textHash: signature.textHash,
      withStatement: signature.statement !== null,
    },
  };
}
