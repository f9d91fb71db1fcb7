import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserModel } from '@accord/auth';
import { MembershipByUserLoader } from './loaders/membership-by-user.loader';
import { DelegationMembershipModel } from './models/participant.model';

/** User.delegation lives here: the auth library knows users, not delegations. */
@Resolver(() => UserModel)
export class UserDelegationResolver {
  @ResolveField(() => DelegationMembershipModel, { nullable: true })
  async delegation(
    user: UserModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DelegationMembershipModel | null> {
    const memberships = loaderOf(context, MembershipByUserLoader);
    const membership = await memberships.load(user.id);
    if (!membership) return null;
    return Object.assign(new DelegationMembershipModel(), {
      participantId: membership.participantId,
      role: membership.role,
    });
  }
}
