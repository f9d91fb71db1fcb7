import { DocumentStatus } from '@accord/common';
import { DocumentRef } from './drafting.rules';
import { isHeadOf, isStaff } from './roles';
import { RuleSet } from './rule';
import { ParticipantOnDocumentRef } from './silence.rules';

/** Statements are made on the adopted text, while it is adopted or open for signature. */
const STATEMENT_STATUSES = [DocumentStatus.ADOPTED, DocumentStatus.OPEN_FOR_SIGNATURE];

/** Whether reservations are admitted is part of what is adopted: decided before adoption. */
const BEFORE_ADOPTION = [DocumentStatus.DRAFT, DocumentStatus.NEGOTIATION];

export interface StatementResources {
  /** A head of delegation for its own participant, which must be eligible to sign. */
  'statement.make': ParticipantOnDocumentRef;
  /** The secretariat, recording a statement on an eligible participant's behalf. */
  'statement.record': ParticipantOnDocumentRef;
  /** The participant's head of delegation or the secretariat, whatever the status. */
  'statement.withdraw': { participantId: string };
  /** Who made a statement (a User): signed-in callers only. */
  'statement.readAuthor': Record<string, never>;
  'document.setReservationsAllowed': DocumentRef;
}

const open = (ref: ParticipantOnDocumentRef) =>
  STATEMENT_STATUSES.includes(ref.status) && ref.eligibleKinds.includes(ref.participantKind);

export const statementRules: RuleSet<StatementResources> = {
  'statement.make': (actor, ref) => open(ref) && isHeadOf(actor, ref.participantId),
  'statement.record': (actor, ref) => open(ref) && isStaff(actor),
  'statement.withdraw': (actor, { participantId }) =>
    isStaff(actor) || isHeadOf(actor, participantId),
  'statement.readAuthor': (actor) => actor !== null,
  'document.setReservationsAllowed': (actor, doc) =>
    BEFORE_ADOPTION.includes(doc.status) && isStaff(actor),
};
