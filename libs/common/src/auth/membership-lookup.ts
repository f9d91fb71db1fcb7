import { ActorMembership } from './actor';

/**
 * How the auth library learns a user's delegation without depending on the participants
 * library (which provides it): the membership is read fresh on every request.
 */
export interface MembershipLookup {
  membershipOf(userId: string): Promise<ActorMembership | null>;
}

export const MEMBERSHIP_LOOKUP = Symbol('MEMBERSHIP_LOOKUP');
