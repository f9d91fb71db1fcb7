import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { AmendmentDecisionsService } from './amendment-decisions.service';
import { AmendmentsService } from './amendments.service';
import { AmendmentIdArgs } from './amendment-id.args';
import { DecideAmendmentArgs } from './decide-amendment.args';
import { ProposeAmendmentInput } from './propose-amendment.input';
import { RebaseAmendmentArgs } from './rebase-amendment.args';
import { AmendmentModel } from './amendment.model';

@Resolver(() => AmendmentModel)
export class AmendmentsResolver {
  constructor(
    private readonly amendments: AmendmentsService,
    private readonly decisions: AmendmentDecisionsService,
  ) {}

  @Mutation(() => AmendmentModel)
  @Permission('amendment.propose')
  async proposeAmendment(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: ProposeAmendmentInput,
  ): Promise<AmendmentModel> {
    return AmendmentModel.from(await this.amendments.propose(actor, input));
  }

  @Mutation(() => AmendmentModel)
  @Permission('amendment.cosponsor')
  async cosponsorAmendment(
    @CurrentUser() actor: Actor | null,
    @Args() { amendmentId }: AmendmentIdArgs,
  ): Promise<AmendmentModel> {
    return AmendmentModel.from(await this.amendments.cosponsor(actor, amendmentId));
  }

  @Mutation(() => AmendmentModel)
  @Permission('amendment.withdraw')
  async withdrawAmendment(
    @CurrentUser() actor: Actor | null,
    @Args() { amendmentId }: AmendmentIdArgs,
  ): Promise<AmendmentModel> {
    return AmendmentModel.from(await this.amendments.withdraw(actor, amendmentId));
  }

  @Mutation(() => AmendmentModel, {
    description: 'The proposer redoes its amendment on the clause’s current text',
  })
  @Permission('amendment.rebase')
  async rebaseAmendment(
    @CurrentUser() actor: Actor | null,
    @Args() { amendmentId, text }: RebaseAmendmentArgs,
  ): Promise<AmendmentModel> {
    return AmendmentModel.from(await this.amendments.rebase(actor, amendmentId, text));
  }

  @Mutation(() => AmendmentModel, {
    description:
      'Applies the amendment and makes a version; CONFLICT when its clause changed since',
  })
  @Permission('amendment.decide')
  async acceptAmendment(
    @CurrentUser() actor: Actor | null,
    @Args() { amendmentId, note }: DecideAmendmentArgs,
  ): Promise<AmendmentModel> {
    return AmendmentModel.from(await this.decisions.accept(actor, amendmentId, note));
  }

  @Mutation(() => AmendmentModel)
  @Permission('amendment.decide')
  async rejectAmendment(
    @CurrentUser() actor: Actor | null,
    @Args() { amendmentId, note }: DecideAmendmentArgs,
  ): Promise<AmendmentModel> {
    return AmendmentModel.from(await this.decisions.reject(actor, amendmentId, note));
  }
}
