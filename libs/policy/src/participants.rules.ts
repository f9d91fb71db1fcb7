import { Actor, DelegationRole } from '@accord/common';
import { isHeadOf, isMemberOf, isStaff } from './roles';
import { RuleSet } from './rule';

export interface ParticipantResources {
  'participant.create': Record<string, never>;
  'participant.readMembers': { participantId: string };
  /** role: the delegation role being granted or taken away. */
  'delegation.manageMember': { participantId: string; role: DelegationRole };
}

/**
 * Whether the caller may read the members of every participant, whichever it is (the part of
 * 'participant.readMembers' that does not depend on the participant): a read of many
 * participants at once decides it once.
 */
export function mayReadEveryDelegation(actor: Actor | null): boolean {
  return isStaff(actor);
}

export const participantRules: RuleSet<ParticipantResources> = {
  'participant.create': (actor) => isStaff(actor),
  'participant.readMembers': (actor, { participantId }) =>
    mayReadEveryDelegation(actor) || isMemberOf(actor, participantId),
  // A head of delegation manages its own delegates and observers, never another head.
  'delegation.manageMember': (actor, { participantId, role }) =>
    isStaff(actor) ||
    (isHeadOf(actor, participantId) && role !== DelegationRole.HEAD_OF_DELEGATION),
};
