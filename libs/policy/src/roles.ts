import { Actor, DelegationRole, PlatformRole } from '@accord/common';

/** Secretariat officers and administrators: the staff running the process. */
export function isStaff(actor: Actor | null): boolean {
  return (
    actor?.platformRole === PlatformRole.ADMIN || actor?.platformRole === PlatformRole.SECRETARIAT
  );
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.platformRole === PlatformRole.ADMIN;
}

export function isMemberOf(actor: Actor | null, participantId: string): boolean {
  return actor?.membership?.participantId === participantId;
}

export function isHeadOf(actor: Actor | null, participantId: string): boolean {
  return (
    isMemberOf(actor, participantId) &&
    actor?.membership?.role === DelegationRole.HEAD_OF_DELEGATION
  );
}

/**
 * With REQUIRE_MFA_FOR_STAFF, an admin or secretariat officer without a second factor may do
 * nothing but enrol one (the global guard lets only the operations marked for it through).
 */
export function mustEnrolSecondFactor(actor: Actor | null, requireMfaForStaff: boolean): boolean {
  return requireMfaForStaff && isStaff(actor) && !actor?.mfaEnabled;
}
