import { Actor } from '@accord/common';
import { isHeadOf, isMemberOf, isStaff } from './roles';
import { RuleSet } from './rule';

/** A meeting's invited participants (any invitation status), for who may see what of it. */
export interface MeetingParticipation {
  invitedParticipantIds: readonly string[];
}

function isInvitedMember(actor: Actor | null, invited: readonly string[]): boolean {
  return !!actor?.membership && invited.includes(actor.membership.participantId);
}

export interface MeetingResources {
  /** createMeeting. */
  'meeting.create': Record<string, never>;
  /** updateMeeting and setMeetingStatus. */
  'meeting.update': Record<string, never>;
  /** inviteParticipants and recordAttendance. */
  'meeting.invite': Record<string, never>;
  /** Meeting.invitations: who is invited and how they answered. */
  'meeting.readInvitations': MeetingParticipation;
  /** respondToInvitation: `participantId` is the invited participant answering. */
  'invitation.respond': { participantId: string | null };
  'actionItem.add': Record<string, never>;
  /** Meeting.actionItems: an item is shown to its owner and to the participants of the meeting it is due at. */
  'actionItem.read': MeetingParticipation & { ownerId: string | null };
  'actionItem.complete': { ownerId: string | null };
  /** generateAgenda and updateAgenda. */
  'agenda.edit': Record<string, never>;
  'agenda.publish': Record<string, never>;
  /** The latest agenda version before it is published; everyone else sees the latest published one. */
  'agenda.readUnpublished': Record<string, never>;
  /**
   * The action items an agenda's follow-up item lists, and their owners: those who may read them
   * on the meeting, and everyone once the secretariat published them with the agenda.
   */
  'agenda.readActionItems': MeetingParticipation & { published: boolean };
}

export const meetingRules: RuleSet<MeetingResources> = {
  'meeting.create': (actor) => isStaff(actor),
  'meeting.update': (actor) => isStaff(actor),
  'meeting.invite': (actor) => isStaff(actor),
  'meeting.readInvitations': (actor, { invitedParticipantIds }) =>
    isStaff(actor) || isInvitedMember(actor, invitedParticipantIds),
  // A delegation answers through its head, never through the secretariat.
  'invitation.respond': (actor, { participantId }) =>
    participantId !== null && isHeadOf(actor, participantId),
  'actionItem.add': (actor) => isStaff(actor),
  'actionItem.read': (actor, { ownerId, invitedParticipantIds }) =>
    isStaff(actor) ||
    (ownerId !== null && isMemberOf(actor, ownerId)) ||
    isInvitedMember(actor, invitedParticipantIds),
  'actionItem.complete': (actor, { ownerId }) =>
    isStaff(actor) || (ownerId !== null && isHeadOf(actor, ownerId)),
  'agenda.edit': (actor) => isStaff(actor),
  'agenda.publish': (actor) => isStaff(actor),
  'agenda.readUnpublished': (actor) => isStaff(actor),
  'agenda.readActionItems': (actor, { published, invitedParticipantIds }) =>
    published || isStaff(actor) || isInvitedMember(actor, invitedParticipantIds),
};
