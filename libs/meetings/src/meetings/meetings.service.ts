import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainException,
  MeetingStatus,
  NOTIFIER,
  Notifier,
  TransactionHost,
  TypeOrmAdapter,
  requireTimezone,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan } from '@accord/policy';
import { ActionItemsRepository } from '../action-items/action-items.repository';
import { CreateMeetingInput } from './create-meeting.input';
import { UpdateMeetingInput } from './update-meeting.input';
import { requireId, requireSchedule, optionalText, requireText, uniqueIds } from './meeting-checks';
import { MeetingEntity } from './meeting.entity';
import { MeetingFields, MeetingsRepository } from './meetings.repository';
import { ParticipantDirectory } from './participant-directory';

const OPEN_STATUSES = [MeetingStatus.PLANNED, MeetingStatus.CONFIRMED];
/** The fields an invitee's calendar holds: a change sends an update. */
const SCHEDULE_FIELDS = ['title', 'city', 'venue', 'timezone', 'startsAt', 'endsAt'];

/** Status changes allowed: a concluded or cancelled meeting is final. */
const NEXT_STATUSES: Record<MeetingStatus, MeetingStatus[]> = {
  [MeetingStatus.PLANNED]: [
    MeetingStatus.CONFIRMED,
    MeetingStatus.CONCLUDED,
    MeetingStatus.CANCELLED,
  ],
  [MeetingStatus.CONFIRMED]: [
    MeetingStatus.PLANNED,
    MeetingStatus.CONCLUDED,
    MeetingStatus.CANCELLED,
  ],
  [MeetingStatus.CONCLUDED]: [],
  [MeetingStatus.CANCELLED]: [],
};

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly actionItems: ActionItemsRepository,
    private readonly participants: ParticipantDirectory,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** Meetings are public: every caller sees the whole list, by start. */
  list(): Promise<MeetingEntity[]> {
    return this.meetings.list();
  }

  get(id: string): Promise<MeetingEntity | null> {
    return this.meetings.getById(requireId(id, 'id'));
  }

  async create(actor: Actor | null, input: CreateMeetingInput): Promise<MeetingEntity> {
    assertCan(actor, 'meeting.create', {});
    const fields: MeetingFields = {
      title: requireText(input.title, 'title'),
      city: requireText(input.city, 'city'),
      venue: optionalText(input.venue, 'venue'),
      timezone: requireTimezone(input.timezone),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      previousMeetingId: input.previousMeetingId ?? null,
    };
    requireSchedule(fields.startsAt, fields.endsAt);
    const hostIds = this.hostIds(input.hostIds);
    return this.txHost.withTransaction(async () => {
      await this.participants.requireAll(hostIds, 'hostIds');
      if (fields.previousMeetingId) await this.checkPrevious(null, fields);
      const meeting = await this.meetings.create(fields);
      await this.meetings.replaceHosts(meeting.id, hostIds);
      await this.audit.record(actor, {
        action: 'meeting.created',
        entityType: 'Meeting',
        entityId: meeting.id,
        details: { ...fields, hostIds },
      });
      return meeting;
    });
  }

  async update(actor: Actor | null, input: UpdateMeetingInput): Promise<MeetingEntity> {
    assertCan(actor, 'meeting.update', {});
    const id = requireId(input.id, 'id');
    const hostIds = input.hostIds ? this.hostIds(input.hostIds) : null;
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.lockById(id);
      if (!meeting) throw DomainException.notFound('Meeting', 'id');
      const before = this.fieldsOf(meeting);
      const after: MeetingFields = {
        title: input.title != null ? requireText(input.title, 'title') : before.title,
        city: input.city != null ? requireText(input.city, 'city') : before.city,
        venue: input.venue !== undefined ? optionalText(input.venue, 'venue') : before.venue,
        timezone: input.timezone != null ? requireTimezone(input.timezone) : before.timezone,
        startsAt: input.startsAt ?? before.startsAt,
        endsAt: input.endsAt ?? before.endsAt,
        previousMeetingId:
          input.previousMeetingId !== undefined
            ? input.previousMeetingId
            : before.previousMeetingId,
      };
      requireSchedule(after.startsAt, after.endsAt);
      if (hostIds) await this.participants.requireAll(hostIds, 'hostIds');
      if (after.previousMeetingId) await this.checkPrevious(id, after);
      await this.checkFollowers(id, after);
      await this.checkActionItems(id, after);
      const changed = Object.fromEntries(
        Object.entries(after).filter(
          ([key, value]) => String(value) !== String(before[key as keyof MeetingFields]),
        ),
      );
      Object.assign(meeting, after);
      const saved = await this.meetings.save(meeting);
      if (hostIds) await this.meetings.replaceHosts(id, hostIds);
      await this.audit.record(actor, {
        action: 'meeting.updated',
        entityType: 'Meeting',
        entityId: id,
        details: { changed, ...(hostIds ? { hostIds } : {}) },
      });
      // Invitees' calendars follow a change of time or place (same UID, next SEQUENCE).
      if (OPEN_STATUSES.includes(saved.status) && SCHEDULE_FIELDS.some((f) => f in changed))
        await this.notifier.meetingChanged(id, 'UPDATED');
      return saved;
    });
  }

  async setStatus(
    actor: Actor | null,
    meetingId: string,
    status: MeetingStatus,
  ): Promise<MeetingEntity> {
    assertCan(actor, 'meeting.update', {});
    const id = requireId(meetingId, 'meetingId');
    return this.txHost.withTransaction(async () => {
      const meeting = await this.meetings.lockById(id);
      if (!meeting) throw DomainException.notFound('Meeting', 'meetingId');
      if (!NEXT_STATUSES[meeting.status].includes(status)) {
        throw DomainException.invalidState(`A ${meeting.status} meeting cannot become ${status}`, {
          status: meeting.status,
        });
      }
      const from = meeting.status;
      meeting.status = status;
      const saved = await this.meetings.save(meeting);
      await this.audit.record(actor, {
        action: 'meeting.statusChanged',
        entityType: 'Meeting',
        entityId: id,
        details: { from, to: status },
      });
      if (status === MeetingStatus.CANCELLED) await this.notifier.meetingChanged(id, 'CANCELLED');
      return saved;
    });
  }

  private hostIds(ids: readonly string[]): string[] {
    if (new Set(ids).size !== ids.length) {
      throw DomainException.badInput('hostIds', 'hostIds lists a participant twice');
    }
    return uniqueIds(ids, 'hostIds', { min: 1, max: 20 });
  }

  private fieldsOf(meeting: MeetingEntity): MeetingFields {
    const { title, city, venue, timezone, startsAt, endsAt, previousMeetingId } = meeting;
    return { title, city, venue, timezone, startsAt, endsAt, previousMeetingId };
  }

  /** The meeting followed exists, is not followed by another, starts earlier, and closes no cycle. */
  private async checkPrevious(id: string | null, fields: MeetingFields): Promise<void> {
    const previousId = fields.previousMeetingId!;
    if (previousId === id) {
      throw DomainException.badInput('previousMeetingId', 'A meeting cannot follow itself');
    }
    const previous = await this.meetings.getById(previousId);
    if (!previous) throw DomainException.notFound('Meeting', 'previousMeetingId');
    if (id && (await this.meetings.ancestorIds(previousId)).includes(id)) {
      throw DomainException.badInput(
        'previousMeetingId',
        `"${previous.title}" already comes after this meeting: following it would make a cycle`,
      );
    }
    const [follower] = await this.meetings.followersOf([previousId]);
    if (follower && follower.id !== id) {
      throw DomainException.conflict(
        `"${previous.title}" is already followed by "${follower.title}"`,
        {
          field: 'previousMeetingId',
        },
      );
    }
    if (previous.startsAt >= fields.startsAt) {
      throw DomainException.badInput(
        'previousMeetingId',
        `The meeting followed must start before this one ("${previous.title}" does not)`,
      );
    }
  }

  private async checkFollowers(id: string, fields: MeetingFields): Promise<void> {
    const [follower] = await this.meetings.followersOf([id]);
    if (follower && follower.startsAt <= fields.startsAt) {
      throw DomainException.badInput(
        'startsAt',
        `"${follower.title}" follows this meeting: this meeting must start before it`,
      );
    }
  }

  /** New dates must keep every action item due after the meeting it was raised at. */
  private async checkActionItems(id: string, fields: MeetingFields): Promise<void> {
    const items = await this.actionItems.touching(id);
    const others = await this.meetings.getByIds([
      ...new Set(
        items.flatMap((i) => [i.raisedAtId, i.dueAtId]).filter((m): m is string => !!m && m !== id),
      ),
    ]);
    const byId = new Map(others.map((m) => [m.id, m]));
    for (const item of items) {
      const raised = item.raisedAtId === id ? fields : byId.get(item.raisedAtId);
      const due = item.dueAtId === id ? fields : item.dueAtId ? byId.get(item.dueAtId) : null;
      if (raised && due && due.startsAt < raised.endsAt) {
        throw DomainException.badInput(
          'startsAt',
          `Action item "${item.title}" would be due before the meeting it was raised at ends`,
        );
      }
    }
  }
}
