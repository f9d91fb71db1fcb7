import { Actor, DelegationRole, PlatformRole } from '@accord/common';

/** Secretariat officers and administrators: the staff running the process. */
export function isStaff(actor: Actor | null): actor is Actor {
  return (
    actor?.platformRole === PlatformRole.ADMIN || actor?.platformRole === PlatformRole.SECRETARIAT
  );
}

export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.platformRole === PlatformRole.ADMIN;
}

export function isMemberOf(actor: Actor | null, participantId: string): actor is Actor {
  return actor?.membership?.participantId === participantId;
}

export function isHeadOf(actor: Actor | null, participantId: string): actor is Actor {
  return (
    isMemberOf(actor, participantId) && actor.membership?.role === DelegationRole.HEAD_OF_DELEGATION
  );
}
