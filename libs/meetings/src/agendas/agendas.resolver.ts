import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { AgendasService } from './agendas.service';
import { UpdateAgendaArgs } from './update-agenda.args';
import { AgendaModel } from './agenda.model';

@Resolver(() => AgendaModel)
export class AgendasResolver {
  constructor(private readonly agendas: AgendasService) {}

  @Mutation(() => AgendaModel, { description: 'A new version from the state of the process' })
  @Permission('agenda.edit')
  async generateAgenda(
    @CurrentUser() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ): Promise<AgendaModel> {
    return AgendaModel.from(await this.agendas.generate(actor, meetingId));
  }

  @Mutation(() => AgendaModel, {
    description: 'A new version with these items (reordered, retitled, added, removed)',
  })
  @Permission('agenda.edit')
  async updateAgenda(
    @CurrentUser() actor: Actor | null,
    @Args() { meetingId, items, keepTimes }: UpdateAgendaArgs,
  ): Promise<AgendaModel> {
    return AgendaModel.from(await this.agendas.update(actor, meetingId, items, keepTimes));
  }

  @Mutation(() => AgendaModel, { description: 'Makes the latest version public' })
  @Permission('agenda.publish')
  async publishAgenda(
    @CurrentUser() actor: Actor | null,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('publishActionItems', {
      type: () => Boolean,
      defaultValue: false,
      description:
        'true: the follow-up item lists the action items and their owners to everyone; false: only to the secretariat and the invited participants',
    })
    publishActionItems: boolean,
  ): Promise<AgendaModel> {
    return AgendaModel.from(await this.agendas.publish(actor, meetingId, publishActionItems));
  }
}
