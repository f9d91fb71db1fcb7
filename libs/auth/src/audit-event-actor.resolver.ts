import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loader } from '@accord/common';
import { AuditEventModel } from '@accord/audit';
import { UserByIdLoader, UserByIdLoaderInstance } from './loaders/user-by-id.loader';
import { UserModel } from './models/user.model';

/** AuditEvent.actor lives here: the audit library knows user ids, not users. */
@Resolver(() => AuditEventModel)
export class AuditEventActorResolver {
  @ResolveField(() => UserModel, { nullable: true })
  async actor(
    @Parent() event: AuditEventModel,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel | null> {
    const user = event.actorId ? await users.load(event.actorId) : null;
    return user ? UserModel.from(user) : null;
  }
}
