import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loader } from '@accord/common';
import { UserModel } from '@accord/auth';
import {
  MembershipByUserLoader,
  MembershipByUserLoaderInstance,
} from './loaders/membership-by-user.loader';
import { DelegationMembershipModel } from './models/participant.model';

/** User.delegation lives here: the auth library knows users, not delegations. */
@Resolver(() => UserModel)
export class UserDelegationResolver {
  @ResolveField(() => DelegationMembershipModel, { nullable: true })
  async delegation(
    @Parent() user: UserModel,
    @Loader(MembershipByUserLoader) memberships: MembershipByUserLoaderInstance,
  ): Promise<DelegationMembershipModel | null> {
    const membership = await memberships.load(user.id);
    if (!membership) return null;
    return Object.assign(new DelegationMembershipModel(), {
      participantId: membership.participantId,
      role: membership.role,
    });
  }
}
