import { Actor, DomainException } from '@accord/common';
import { AuditResources, auditRules } from './audit.rules';
import { DraftingResources, draftingRules } from './drafting.rules';
import { MeetingResources, meetingRules } from './meetings.rules';
import { NotificationResources, notificationRules } from './notifications.rules';
import { ParticipantResources, participantRules } from './participants.rules';
import { RuleSet } from './rule';
import { SessionResources, sessionRules } from './sessions.rules';
import { SignatureResources, signatureRules } from './signatures.rules';
import { SilenceResources, silenceRules } from './silence.rules';
import { StatementResources, statementRules } from './statements.rules';
import { UserResources, userRules } from './users.rules';

/** Every action of the platform with the resource its rule looks at. */
export type PolicyResources = UserResources &
  SessionResources &
  ParticipantResources &
  AuditResources &
  DraftingResources &
  SignatureResources &
  MeetingResources &
  SilenceResources &
  StatementResources &
  NotificationResources;
export type Action = keyof PolicyResources;

const RULES: RuleSet<PolicyResources> = {
  ...userRules,
  ...sessionRules,
  ...participantRules,
  ...auditRules,
  ...draftingRules,
  ...signatureRules,
  ...meetingRules,
  ...silenceRules,
  ...statementRules,
  ...notificationRules,
};

export const ACTIONS = Object.keys(RULES) as Action[];

/** The single permission check: a pure function of caller, action and resource. */
export function can<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: PolicyResources[A],
): boolean {
  return RULES[action](actor, resource);
}

/** Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN for a signed-in one. */
export function assertCan<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: PolicyResources[A],
): void {
  if (can(actor, action, resource)) return;
  throw actor ? DomainException.forbidden() : DomainException.unauthenticated();
}
