import { Actor, DelegationRole, DocumentStatus, ParticipantKind } from '@accord/common';

import { isStaff } from './roles';
import { RuleSet } from './rule';

/** What the rules need to know of a document. */
export interface DocumentRef {
  status: DocumentStatus;
  eligibleKinds: ParticipantKind[];
}

const PUBLIC_STATUSES = [
  DocumentStatus.ADOPTED,
  DocumentStatus.OPEN_FOR_SIGNATURE,
  DocumentStatus.CLOSED,
];

/** Statuses in which the text is still being worked on (comments make sense). */
const WORKING_STATUSES = [DocumentStatus.DRAFT, DocumentStatus.NEGOTIATION];

/** A member of a participant whose kind may read the draft (observers included). */
export function isEligibleMember(actor: Actor | null, document: DocumentRef): boolean {
  return !!actor?.membership && document.eligibleKinds.includes(actor.membership.participantKind);
}

/** A head of delegation or delegate of an eligible participant: those who may write. */
function isEligibleWriter(actor: Actor | null, document: DocumentRef): boolean {
  return isEligibleMember(actor, document) && actor!.membership!.role !== DelegationRole.OBSERVER;
}

/** A head of delegation or delegate of this participant, which must be eligible. */
function isEligibleWriterFor(
  actor: Actor | null,
  document: DocumentRef,
  participantId: string,
): boolean {
  return isEligibleWriter(actor, document) && actor!.membership!.participantId === participantId;
}

/** Those who may see the draft: the secretariat and eligible participants' members. */
function isDraftReader(actor: Actor | null, document: DocumentRef): boolean {
  return isStaff(actor) || isEligibleMember(actor, document);
}

export interface DraftingResources {
  'document.read': DocumentRef;
  /**
   * The negotiation record: amendments, comments, versions and diffs, and who made them (the
   * authors of versions, amendments, comments), whatever the status.
   */
  'document.readHistory': DocumentRef;
  'document.create': Record<string, never>;
  /** Every lifecycle step: openNegotiation, adoptDocument, openForSignature, closeDocument. */
  'document.transition': DocumentRef;
  /** addClause, updateClause, deleteClause: direct edits, only while DRAFT. */
  'clause.edit': DocumentRef;
  /** setDocumentLanguages: the authentic languages, while the text is worked on. */
  'document.setLanguages': DocumentRef;
  /** setDocumentTitle in the language of negotiation: a direct edit, only while DRAFT. */
  'document.editTitle': DocumentRef;
  /** setClauseTranslation, and setDocumentTitle in another authentic language. */
  'translation.edit': DocumentRef;
  'amendment.propose': DocumentRef;
  'amendment.cosponsor': DocumentRef & { proposerId: string };
  'amendment.withdraw': DocumentRef & { proposerId: string };
  /** Bring a proposal up to date with its clause's current text. */
  'amendment.rebase': DocumentRef & { proposerId: string };
  'amendment.decide': DocumentRef;
  'comment.add': DocumentRef;
  'comment.resolve': DocumentRef & { authorId: string };
}

export const draftingRules: RuleSet<DraftingResources> = {
  // Drafts: the secretariat and eligible participants' members; the public once adopted.
  'document.read': (actor, doc) =>
    PUBLIC_STATUSES.includes(doc.status) || isDraftReader(actor, doc),
  // The public reads the adopted text, not how it was negotiated.
  'document.readHistory': (actor, doc) => isDraftReader(actor, doc),
  'document.create': (actor) => isStaff(actor),
  'document.transition': (actor) => isStaff(actor),
  'clause.edit': (actor, doc) =>
    doc.status === DocumentStatus.DRAFT && (isStaff(actor) || isEligibleWriter(actor, doc)),
  'document.setLanguages': (actor, doc) => WORKING_STATUSES.includes(doc.status) && isStaff(actor),
  'document.editTitle': (actor, doc) =>
    doc.status === DocumentStatus.DRAFT && (isStaff(actor) || isEligibleWriter(actor, doc)),
  // Translators work with the drafters while DRAFT; in NEGOTIATION the secretariat keeps the
  // authentic texts in step with the amendments adopted.
  'translation.edit': (actor, doc) =>
    (doc.status === DocumentStatus.DRAFT && (isStaff(actor) || isEligibleWriter(actor, doc))) ||
    (doc.status === DocumentStatus.NEGOTIATION && isStaff(actor)),
  // Amendments are a delegation's proposals: the secretariat decides them, it does not make them.
  'amendment.propose': (actor, doc) =>
    doc.status === DocumentStatus.NEGOTIATION && isEligibleWriter(actor, doc),
  'amendment.cosponsor': (actor, doc) =>
    doc.status === DocumentStatus.NEGOTIATION &&
    isEligibleWriter(actor, doc) &&
    actor!.membership!.participantId !== doc.proposerId,
  'amendment.withdraw': (actor, doc) =>
    doc.status === DocumentStatus.NEGOTIATION && isEligibleWriterFor(actor, doc, doc.proposerId),
  'amendment.rebase': (actor, doc) =>
    doc.status === DocumentStatus.NEGOTIATION && isEligibleWriterFor(actor, doc, doc.proposerId),
  'amendment.decide': (actor, doc) => doc.status === DocumentStatus.NEGOTIATION && isStaff(actor),
  'comment.add': (actor, doc) =>
    WORKING_STATUSES.includes(doc.status) && (isStaff(actor) || isEligibleWriter(actor, doc)),
  'comment.resolve': (actor, doc) =>
    WORKING_STATUSES.includes(doc.status) &&
    (isStaff(actor) || (isEligibleWriter(actor, doc) && actor?.id === doc.authorId)),
};
