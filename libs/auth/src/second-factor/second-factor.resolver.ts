import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import {
  Actor,
  AllowedBeforeMfaEnrolment,
  CurrentUser,
  GraphQLRequestContext,
  Permission,
} from '@accord/common';
import { clientInfo } from '../sessions/client-info';
import { UserModel } from '../models/user.model';
import { UsersService } from '../users.service';
import { ConfirmTotpArgs } from './dto/confirm-totp.args';
import { DisableTotpArgs } from './dto/disable-totp.args';
import { TotpEnrolmentModel } from './models/totp-enrolment.model';
import { SecondFactorService } from './second-factor.service';

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => TotpEnrolmentModel, {
    description: 'A new TOTP secret for the caller, pending until confirmTotpEnrolment',
  })
  @Permission('authenticated')
  @AllowedBeforeMfaEnrolment()
  beginTotpEnrolment(@CurrentUser() actor: Actor | null): Promise<TotpEnrolmentModel> {
    return this.secondFactor.beginEnrolment(actor);
  }

  @Mutation(() => [String], {
    description: 'Turns the second factor on; answers ten single-use recovery codes, shown once',
  })
  @Permission('authenticated')
  @AllowedBeforeMfaEnrolment()
  confirmTotpEnrolment(
    @CurrentUser() actor: Actor | null,
    @Args() { code }: ConfirmTotpArgs,
  ): Promise<string[]> {
    return this.secondFactor.confirmEnrolment(actor, code);
  }

  @Mutation(() => Boolean, { description: 'Turns the caller’s second factor off' })
  @Permission('authenticated')
  disableTotp(
    @CurrentUser() actor: Actor | null,
    @Args() { password }: DisableTotpArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<boolean> {
    return this.secondFactor.disable(actor, password, clientInfo(context).ipAddress);
  }

  @Mutation(() => UserModel, {
    description: 'Admins only: removes another user’s second factor (a lost device); audited',
  })
  @Permission('user.resetSecondFactor')
  async resetUserTotp(
    @CurrentUser() actor: Actor | null,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<UserModel> {
    await this.secondFactor.resetFor(actor, userId);
    return UserModel.from((await this.users.getById(userId))!);
  }
}
