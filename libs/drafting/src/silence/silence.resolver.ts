import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { SilenceProcedureModel } from './silence-procedure.model';
import { SilenceReasonArgs } from './silence-reason.args';
import { SilenceService } from './silence.service';
import { StartSilenceArgs } from './start-silence.args';

@Resolver(() => SilenceProcedureModel)
export class SilenceResolver {
  constructor(private readonly silence: SilenceService) {}

  @Mutation(() => SilenceProcedureModel, {
    description:
      'Circulates a text that could be adopted now; it is adopted at the deadline unless silence is broken',
  })
  @Permission('silence.start')
  async startSilenceProcedure(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId, deadline, timezone }: StartSilenceArgs,
  ): Promise<SilenceProcedureModel> {
    return SilenceProcedureModel.from(
      await this.silence.start(actor, documentId, deadline, timezone),
    );
  }

  @Mutation(() => SilenceProcedureModel, {
    description: 'By the head of delegation of a participant that may sign, before the deadline',
  })
  @Permission('silence.break')
  async breakSilence(
    @CurrentUser() actor: Actor | null,
    @Args() { procedureId, reason }: SilenceReasonArgs,
  ): Promise<SilenceProcedureModel> {
    return SilenceProcedureModel.from(await this.silence.break(actor, procedureId, reason));
  }

  @Mutation(() => SilenceProcedureModel)
  @Permission('silence.cancel')
  async cancelSilenceProcedure(
    @CurrentUser() actor: Actor | null,
    @Args() { procedureId, reason }: SilenceReasonArgs,
  ): Promise<SilenceProcedureModel> {
    return SilenceProcedureModel.from(await this.silence.cancel(actor, procedureId, reason));
  }
}
