import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { DocumentVersionModel } from './document-version.model';

@Resolver(() => DocumentVersionModel)
export class DocumentVersionAuthorResolver {
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'For those who may see the negotiation record; null for the public',
  })
  async createdBy(
    version: DocumentVersionModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    const users = loaderOf(context, UserByIdLoader);
    if (!version.createdById || !version.authorVisible) return null;
    const user = await users.load(version.createdById);
    return user ? UserModel.from(user) : null;
  }
}
