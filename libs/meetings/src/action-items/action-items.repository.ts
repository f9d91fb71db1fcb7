import { Injectable } from '@nestjs/common';
import { ActionItemStatus, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In } from 'typeorm';
import { ActionItemEntity } from './action-item.entity';

@Injectable()
export class ActionItemsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get items() {
    return this.txHost.tx.getRepository(ActionItemEntity);
  }

  getById(id: string): Promise<ActionItemEntity | null> {
    return this.items.findOneBy({ id });
  }

  dueAt(meetingIds: readonly string[]): Promise<ActionItemEntity[]> {
    return this.items.find({
      where: { dueAtId: In([...meetingIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  openDueAt(meetingId: string): Promise<ActionItemEntity[]> {
    return this.items.find({
      where: { dueAtId: meetingId, status: ActionItemStatus.OPEN },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Items raised at or due at a meeting: what a change of its dates must keep in order. */
  touching(meetingId: string): Promise<ActionItemEntity[]> {
    return this.items.find({ where: [{ raisedAtId: meetingId }, { dueAtId: meetingId }] });
  }

  create(
    fields: Pick<ActionItemEntity, 'title' | 'ownerId' | 'raisedAtId' | 'dueAtId'>,
  ): Promise<ActionItemEntity> {
    return this.items.save(this.items.create(fields));
  }

  save(item: ActionItemEntity): Promise<ActionItemEntity> {
    return this.items.save(item);
  }
}
