import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  InvitationStatus,
  MeetingStatus,
  NOTIFIER,
  Notifier,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan, can } from '@accord/policy';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { requireId, uniqueIds } from '../meetings/meeting-checks';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { ParticipantDirectory } from '../meetings/participant-directory';

const OPEN_STATUSES = [MeetingStatus.PLANNED, MeetingStatus.CONFIRMED];

@Injectable()
export class InvitationsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly invitations: InvitationsRepository,
    private readonly participants: ParticipantDirectory,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** Idempotent: participants already invited keep their invitation and its answer. */
  async invite(
    actor: Actor | null,
    meetingId: string,
    participantIds: readonly string[],
  ): Promise<MeetingEntity> {
    assertCan(actor, 'meeting.invite', {});
    const id = requireId(meetingId, 'meetingId');
    const ids = uniqueIds(participantIds, 'participantIds', { min: 1 });
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.lockById(id);
      if (!meeting) throw DomainException.notFound('Meeting', 'meetingId');
      if (!OPEN_STATUSES.includes(meeting.status)) {
        throw DomainException.invalidState(`Nobody can be invited to a ${meeting.status} meeting`);
      }
      await this.participants.requireAll(ids, 'participantIds');
      const added = await this.invitations.insertMissing(id, ids);
      if (added.length) {
        await this.audit.record(actor, {
          action: 'meeting.participantsInvited',
          entityType: 'Meeting',
          entityId: id,
          details: { participantIds: added },
        });
        await this.notifier.meetingChanged(id, 'INVITED', added);
      }
      return meeting;
    });
  }

  /** The head of an invited delegation accepts or declines, while the meeting is still ahead. */
  async respond(
    actor: Actor | null,
    meetingId: string,
    accept: boolean,
  ): Promise<InvitationEntity> {
    const participantId = actor?.membership?.participantId ?? null;
    assertCan(actor, 'invitation.respond', { participantId });
    const id = requireId(meetingId, 'meetingId');
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.lockById(id);
      if (!meeting) throw DomainException.notFound('Meeting', 'meetingId');
      const invitation = await this.invitations.get(id, participantId!);
      if (!invitation) throw DomainException.notFound('Invitation', 'meetingId');
      if (!OPEN_STATUSES.includes(meeting.status)) {
        throw DomainException.invalidState(
          `The meeting is ${meeting.status}: it is too late to answer`,
        );
      }
      if (invitation.status === InvitationStatus.ATTENDED) {
        throw DomainException.invalidState('Attendance is already recorded for this invitation');
      }
      const status = accept ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
      const respondedAt = new Date();
      await this.invitations.setStatus(id, [participantId!], status, respondedAt);
      await this.audit.record(actor, {
        action: accept ? 'invitation.accepted' : 'invitation.declined',
        entityType: 'Meeting',
        entityId: id,
        details: { participantId, from: invitation.status },
      });
      return Object.assign(invitation, { status, respondedAt });
    });
  }

  /**
   * After a concluded meeting, marks invited participants as having attended. Additive: those
   * not listed keep their status, so that attendance can be recorded in several goes.
   */
  async recordAttendance(
    actor: Actor | null,
    meetingId: string,
    participantIds: readonly string[],
  ): Promise<MeetingEntity> {
    assertCan(actor, 'meeting.invite', {});
    const id = requireId(meetingId, 'meetingId');
    const ids = uniqueIds(participantIds, 'participantIds', { min: 1 });
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.lockById(id);
      if (!meeting) throw DomainException.notFound('Meeting', 'meetingId');
      if (meeting.status !== MeetingStatus.CONCLUDED) {
        throw DomainException.invalidState(
          'Attendance is recorded once the meeting is CONCLUDED (setMeetingStatus)',
        );
      }
      const invited = new Set((await this.invitations.of([id])).map((i) => i.participantId));
      const uninvited = ids.find((p) => !invited.has(p));
      if (uninvited) {
        throw DomainException.badInput(
          'participantIds',
          `Participant ${uninvited} was not invited to this meeting`,
        );
      }
      await this.invitations.setStatus(id, ids, InvitationStatus.ATTENDED, null);
      await this.audit.record(actor, {
        action: 'meeting.attendanceRecorded',
        entityType: 'Meeting',
        entityId: id,
        details: { participantIds: ids },
      });
      return meeting;
    });
  }

  /** The secretariat and the invited participants' members see the list; others see nothing. */
  visible(actor: Actor | null, invitations: InvitationEntity[]): InvitationEntity[] {
    const invitedParticipantIds = invitations.map((i) => i.participantId);
    return can(actor, 'meeting.readInvitations', { invitedParticipantIds }) ? invitations : [];
  }
}
