import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, GraphQLRequestContext, Permission, Public } from '@accord/common';
import { clientInfo } from '../sessions/client-info';
import { ChangePasswordArgs } from './dto/change-password.args';
import { ResetPasswordArgs } from './dto/reset-password.args';
import { PasswordResetTicketModel } from './models/password-reset-ticket.model';
import { PasswordsService } from './passwords.service';

@Resolver()
export class PasswordsResolver {
  constructor(private readonly passwords: PasswordsService) {}

  @Mutation(() => Boolean, { description: 'Ends every other session of the caller' })
  @Permission('authenticated')
  changePassword(
    @CurrentUser() actor: Actor | null,
    @Args() { currentPassword, newPassword }: ChangePasswordArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<boolean> {
    const { ipAddress } = clientInfo(context);
    return this.passwords.change(actor, currentPassword, newPassword, ipAddress);
  }

  @Mutation(() => PasswordResetTicketModel, {
    description:
      'A single-use ticket valid 24 hours; voids the user’s earlier tickets. The secretariat for delegations’ users, an admin for anyone',
  })
  @Permission('user.issuePasswordReset')
  issuePasswordReset(
    @CurrentUser() actor: Actor | null,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<PasswordResetTicketModel> {
    return this.passwords.issueReset(actor, userId);
  }

  @Mutation(() => Boolean, {
    description: 'Uses a reset ticket up; ends every session of its user',
  })
  @Public()
  resetPassword(
    @CurrentUser() actor: Actor | null,
    @Args() { token, newPassword }: ResetPasswordArgs,
  ): Promise<boolean> {
    return this.passwords.reset(actor, token, newPassword);
  }
}
