import { DocumentStatus, ParticipantKind } from '@accord/common';
import { isHeadOf, isStaff } from './roles';
import { RuleSet } from './rule';

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
  'signature.withdraw': { participantId: string };
}

const open = (ref: SigningRef) =>
  ref.status === DocumentStatus.OPEN_FOR_SIGNATURE &&
  ref.eligibleKinds.includes(ref.participantKind);

export const signatureRules: RuleSet<SignatureResources> = {
  'signature.sign': (actor, ref) => open(ref) && isHeadOf(actor, ref.participantId),
  'signature.record': (actor, ref) => open(ref) && isStaff(actor),
  'signature.withdraw': (actor, { participantId }) =>
    isStaff(actor) || isHeadOf(actor, participantId),
};
