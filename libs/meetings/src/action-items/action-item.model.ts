import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActionItemStatus } from '@accord/common';
import { ActionItemEntity } from './action-item.entity';

/** Owner, raisedAt and dueAt are resolved through loaders. */
@ObjectType('ActionItem')
export class ActionItemModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => ActionItemStatus)
  status: ActionItemStatus;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  ownerId: string | null;
  raisedAtId: string;
  dueAtId: string | null;

  static from(entity: ActionItemEntity): ActionItemModel {
    return Object.assign(new ActionItemModel(), {
      id: entity.id,
      title: entity.title,
      status: entity.status,
      completedAt: entity.completedAt,
      ownerId: entity.ownerId,
      raisedAtId: entity.raisedAtId,
      dueAtId: entity.dueAtId,
    });
  }
}
