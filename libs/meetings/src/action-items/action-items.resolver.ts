import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { ActionItemsService } from './action-items.service';
import { AddActionItemInput } from './add-action-item.input';
import { ActionItemModel } from './action-item.model';

@Resolver(() => ActionItemModel)
export class ActionItemsResolver {
  constructor(private readonly items: ActionItemsService) {}

  @Mutation(() => ActionItemModel)
  @Permission('actionItem.add')
  async addActionItem(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: AddActionItemInput,
  ): Promise<ActionItemModel> {
    return ActionItemModel.from(await this.items.add(actor, input));
  }

  @Mutation(() => ActionItemModel, {
    description: 'By the secretariat or the owner’s head of delegation',
  })
  @Permission('actionItem.complete')
  async completeActionItem(
    @CurrentUser() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ActionItemModel> {
    return ActionItemModel.from(await this.items.complete(actor, id));
  }
}
