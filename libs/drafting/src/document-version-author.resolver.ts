import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loader } from '@accord/common';
import { UserByIdLoader, UserByIdLoaderInstance, UserModel } from '@accord/auth';
import { DocumentVersionModel } from './models/document-version.model';

@Resolver(() => DocumentVersionModel)
export class DocumentVersionAuthorResolver {
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'For those who may see the negotiation record; null for the public',
  })
  async createdBy(
    @Parent() version: DocumentVersionModel,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel | null> {
    if (!version.createdById || !version.authorVisible) return null;
    const user = await users.load(version.createdById);
    return user ? UserModel.from(user) : null;
  }
}
