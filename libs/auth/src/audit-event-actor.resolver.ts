import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderOf } from '@accord/common';
import { AuditEventModel } from '@accord/audit';
import { UserByIdLoader } from './loaders/user-by-id.loader';
import { UserModel } from './models/user.model';

/** AuditEvent.actor lives here: the audit library knows user ids, not users. */
@Resolver(() => AuditEventModel)
export class AuditEventActorResolver {
  @ResolveField(() => UserModel, { nullable: true })
  async actor(
    event: AuditEventModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    const users = loaderOf(context, UserByIdLoader);
    const user = event.actorId ? await users.load(event.actorId) : null;
    return user ? UserModel.from(user) : null;
  }
}
