import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { ActionItemEntity } from './action-item.entity';
import { ActionItemsRepository } from './action-items.repository';

/** By meeting id, the action items due at it (Meeting.actionItems). */
export type ActionItemsByDueMeetingLoaderInstance = DataLoader<string, ActionItemEntity[]>;

@Injectable()
export class ActionItemsByDueMeetingLoader implements LoaderFactory<ActionItemsByDueMeetingLoaderInstance> {
  constructor(private readonly items: ActionItemsRepository) {}

  create(): ActionItemsByDueMeetingLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.items.dueAt(ids), (i) => i.dueAtId!),
    );
  }
}
