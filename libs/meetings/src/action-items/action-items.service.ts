import { Injectable } from '@nestjs/common';
import {
  ActionItemStatus,
  Actor,
  DomainException,
  MeetingStatus,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import { AuditService } from '@accord/audit';
import { assertCan, can } from '@accord/policy';
import { ActionItemEntity } from './action-item.entity';
import { ActionItemsRepository } from './action-items.repository';
import { AddActionItemInput } from './add-action-item.input';
import { InvitationEntity } from '../invitations/invitation.entity';
import { requireId, requireText } from '../meetings/meeting-checks';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { ParticipantDirectory } from '../meetings/participant-directory';

@Injectable()
export class ActionItemsService {
  constructor(
    private readonly items: ActionItemsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly participants: ParticipantDirectory,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  async add(actor: Actor | null, input: AddActionItemInput): Promise<ActionItemEntity> {
    assertCan(actor, 'actionItem.add', {});
    const title = requireText(input.title, 'title');
    const raisedAtId = requireId(input.raisedAtId, 'raisedAtId');
    const dueAtId = input.dueAtId ? requireId(input.dueAtId, 'dueAtId') : null;
    const ownerId = input.ownerId ? requireId(input.ownerId, 'ownerId') : null;
    return this.txHost.withTransaction(async () => {
      const raisedAt = await this.meetings.getById(raisedAtId);
      if (!raisedAt) throw DomainException.notFound('Meeting', 'raisedAtId');
      if (dueAtId) {
        const dueAt = await this.meetings.getById(dueAtId);
        if (!dueAt) throw DomainException.notFound('Meeting', 'dueAtId');
        if (dueAt.startsAt < raisedAt.endsAt) {
          throw DomainException.badInput(
            'dueAtId',
            `The item must be due at a meeting that starts after "${raisedAt.title}" ends`,
          );
        }
        if (dueAt.status === MeetingStatus.CANCELLED) {
          throw DomainException.badInput('dueAtId', `"${dueAt.title}" is cancelled`);
        }
      }
      if (ownerId) await this.participants.requireAll([ownerId], 'ownerId');
      const item = await this.items.create({ title, ownerId, raisedAtId, dueAtId });
      await this.audit.record(actor, {
        action: 'actionItem.added',
        entityType: 'ActionItem',
        entityId: item.id,
        details: { title, ownerId, raisedAtId, dueAtId },
      });
      return item;
    });
  }

  /** By the secretariat or the owner's head of delegation; completing a DONE item changes nothing. */
  async complete(actor: Actor | null, id: string): Promise<ActionItemEntity> {
    const itemId = requireId(id, 'id');
    return this.txHost.withTransaction(async () => {
      const item = await this.items.getById(itemId);
      if (!item) {
        // FORBIDDEN rather than NOT_FOUND for callers who could complete nothing anyway.
        assertCan(actor, 'actionItem.complete', { ownerId: null });
        throw DomainException.notFound('Action item', 'id');
      }
      assertCan(actor, 'actionItem.complete', { ownerId: item.ownerId });
      if (item.status === ActionItemStatus.DONE) return item;
      item.status = ActionItemStatus.DONE;
      item.completedAt = new Date();
      const saved = await this.items.save(item);
      await this.audit.record(actor, {
        action: 'actionItem.completed',
        entityType: 'ActionItem',
        entityId: item.id,
        details: { ownerId: item.ownerId },
      });
      return saved;
    });
  }

  /** Each item shown to the secretariat, its owner's members and the meeting's invited participants. */
  visible(
    actor: Actor | null,
    items: ActionItemEntity[],
    invitations: InvitationEntity[],
  ): ActionItemEntity[] {
    const invitedParticipantIds = invitations.map((i) => i.participantId);
    return items.filter((item) =>
      can(actor, 'actionItem.read', { ownerId: item.ownerId, invitedParticipantIds }),
    );
  }
}
