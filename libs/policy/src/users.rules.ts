import { PlatformRole } from '@accord/common';
import { isAdmin, isStaff } from './roles';
import { RuleSet } from './rule';

export interface UserResources {
  /** The platform role the new user would get. */
  'user.create': { platformRole: PlatformRole };
  'user.list': Record<string, never>;
  'user.disable': { userId: string };
  'user.setRole': { userId: string };
  /** The platform role of the user the reset ticket is for. */
  'user.issuePasswordReset': { platformRole: PlatformRole };
  /** Remove another user's second factor (a lost authenticator). */
  'user.resetSecondFactor': { userId: string };
}

export const userRules: RuleSet<UserResources> = {
  // The secretariat invites delegates; only an admin creates staff.
  'user.create': (actor, { platformRole }) =>
    isAdmin(actor) || (isStaff(actor) && platformRole === PlatformRole.NONE),
  'user.list': (actor) => isStaff(actor),
  'user.disable': (actor, { userId }) => isAdmin(actor) && actor?.id !== userId,
  'user.setRole': (actor, { userId }) => isAdmin(actor) && actor?.id !== userId,
  // The secretariat sets up the accounts it may create (delegations' users); staff accounts are the admin's.
  'user.issuePasswordReset': (actor, { platformRole }) =>
    isAdmin(actor) || (isStaff(actor) && platformRole === PlatformRole.NONE),
  // Never one's own: that would turn a stolen password into a way around the second factor.
  'user.resetSecondFactor': (actor, { userId }) => isAdmin(actor) && actor?.id !== userId,
};
