import { DocumentStatus, ParticipantKind } from '@accord/common';
import { isHeadOf, isStaff } from './roles';
import { RuleSet } from './rule';

/** A signature being given: the document's state and the participant it is given for. */
export interface SigningRef {
  status: DocumentStatus;
  eligibleKinds: ParticipantKind[];
  participantId: string;
  participantKind: ParticipantKind;
}

export interface SignatureResources {
  /** A head of delegation signs for its own, eligible participant while the text is open for signature. */
  'signature.sign': SigningRef;
  /** The secretariat records a signature given on paper or at a ceremony. */
  'signature.record': SigningRef;
  /**
   * The signing participant's head of delegation, or the secretariat, withdraws a signature,
   * whatever the document's status (it is open for signature or closed once signed).
   */
  'signature.withdraw': { participantId: string };
  /** Who signed or recorded a signature (a User, with an email address): signed-in callers only. */
  'signature.readSigner': Record<string, never>;
}

const open = (ref: SigningRef) =>
  ref.status === DocumentStatus.OPEN_FOR_SIGNATURE &&
  ref.eligibleKinds.includes(ref.participantKind);

export const signatureRules: RuleSet<SignatureResources> = {
  'signature.sign': (actor, ref) => open(ref) && isHeadOf(actor, ref.participantId),
  'signature.record': (actor, ref) => open(ref) && isStaff(actor),
  'signature.withdraw': (actor, { participantId }) =>
    isStaff(actor) || isHeadOf(actor, participantId),
  'signature.readSigner': (actor) => actor !== null,
};
