import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Actor,
  AllowedBeforeMfaEnrolment,
  CurrentUser,
  GraphQLRequestContext,
  Public,
} from '@accord/common';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { AuthPayloadModel, UserModel } from './models/user.model';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel)
  @Public()
  async login(
    @Args() { email, password, totpCode }: LoginArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<AuthPayloadModel> {
    const { accessToken, user } = await this.auth.login(
      email,
      password,
      context.req.ip ?? 'unknown',
      totpCode ?? null,
    );
    return { accessToken, user: UserModel.from(user) };
  }

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null' })
  @Public()
  @AllowedBeforeMfaEnrolment()
  async me(@CurrentUser() actor: Actor | null): Promise<UserModel | null> {
    const user = await this.auth.me(actor);
    return user ? UserModel.from(user) : null;
  }
}
