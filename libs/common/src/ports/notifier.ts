/** What an email is about; also the unit of a user's notification preferences. */
export enum NotificationKind {
  MEETING_INVITATION = 'MEETING_INVITATION',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  SILENCE_STARTED = 'SILENCE_STARTED',
  SILENCE_BROKEN = 'SILENCE_BROKEN',
  SILENCE_CONCLUDED = 'SILENCE_CONCLUDED',
  DOCUMENT_ADOPTED = 'DOCUMENT_ADOPTED',
  DOCUMENT_OPEN_FOR_SIGNATURE = 'DOCUMENT_OPEN_FOR_SIGNATURE',
  SIGNATURE_RECORDED = 'SIGNATURE_RECORDED',
  AMENDMENT_PROPOSED = 'AMENDMENT_PROPOSED',
  COMMENT_REPLY = 'COMMENT_REPLY',
  ACCOUNT = 'ACCOUNT',
}

/** The kinds sent as an hourly digest rather than one email each. */
export const DIGEST_KINDS: readonly NotificationKind[] = [
  NotificationKind.AMENDMENT_PROPOSED,
  NotificationKind.COMMENT_REPLY,
];

export type MeetingChange = 'INVITED' | 'UPDATED' | 'CANCELLED';

/**
 * How the domain libraries cause emails without importing the notifications library (which
 * reads them): the notifications module provides it. Every method writes to the outbox in the
 * current transaction (call it inside the change's `withTransaction`), so the emails exist if
 * and only if the change commits; a worker delivers them afterwards. Recipients, their
 * preferences, their language and what they may see are the notifications library's business.
 */
export interface Notifier {
  /** Invitation (to the given participants' heads and delegates), update or CANCEL (to all invited). */
  meetingChanged(
    meetingId: string,
    change: MeetingChange,
    participantIds?: readonly string[],
  ): Promise<void>;
  /** The published agenda (.ics and PDF attached) to the invited participants' members. */
  agendaPublished(meetingId: string): Promise<void>;
  /** DOCUMENT_ADOPTED, DOCUMENT_OPEN_FOR_SIGNATURE, SILENCE_*: to those who may read the document's record. */
  documentChanged(
    kind: NotificationKind,
    documentId: string,
    data?: Record<string, unknown>,
  ): Promise<void>;
  /** SIGNATURE_RECORDED: to the signing participant's members. */
  signatureRecorded(documentId: string, participantId: string): Promise<void>;
  /** AMENDMENT_PROPOSED (digest): to those who may read the document's record, but the proposer. */
  amendmentProposed(amendmentId: string): Promise<void>;
  /** COMMENT_REPLY (digest): to the author of the comment replied to. */
  commentReplied(commentId: string): Promise<void>;
  /** ACCOUNT: a password reset ticket or an account invitation: the link, never a password. */
  accountTicket(userId: string, token: string, expiresAt: Date, invitation: boolean): Promise<void>;
}

export const NOTIFIER = Symbol('NOTIFIER');
