import { DocumentStatus, ParticipantKind } from '@accord/common';
import { DocumentRef } from './drafting.rules';
import { isHeadOf, isStaff } from './roles';
import { RuleSet } from './rule';

/** A participant acting on a document: its kind decides whether it may sign it. */
export interface ParticipantOnDocumentRef {
  status: DocumentStatus;
  eligibleKinds: ParticipantKind[];
  participantId: string;
  participantKind: ParticipantKind;
}

export interface SilenceResources {
  /** Circulate a text in NEGOTIATION under silence, and cancel the procedure. */
  'silence.start': DocumentRef;
  'silence.cancel': DocumentRef;
  /** The head of delegation of a participant that may sign the document, for that participant. */
  'silence.break': ParticipantOnDocumentRef;
}

export const silenceRules: RuleSet<SilenceResources> = {
  'silence.start': (actor, doc) => doc.status === DocumentStatus.NEGOTIATION && isStaff(actor),
  'silence.cancel': (actor, doc) => doc.status === DocumentStatus.NEGOTIATION && isStaff(actor),
  'silence.break': (actor, ref) =>
    ref.status === DocumentStatus.NEGOTIATION &&
    ref.eligibleKinds.includes(ref.participantKind) &&
    isHeadOf(actor, ref.participantId),
};
