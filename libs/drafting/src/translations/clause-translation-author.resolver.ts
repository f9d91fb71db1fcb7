import { ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserModel } from '@accord/auth';
import { ClauseTranslationModel } from './clause-translation.model';

@Resolver(() => ClauseTranslationModel)
export class ClauseTranslationAuthorResolver {
  @ResolveField(() => UserModel, {
    nullable: true,
    description:
      'Who set the translation, for those who may see the negotiation record; null for the public and for the language of negotiation',
  })
  async updatedBy(
    translation: ClauseTranslationModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    if (!translation.updatedById || !translation.authorVisible) return null;
    const user = await loaderOf(context, UserByIdLoader).load(translation.updatedById);
    return user ? UserModel.from(user) : null;
  }
}
