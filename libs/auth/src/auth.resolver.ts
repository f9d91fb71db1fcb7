import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, GraphQLRequestContext, Public } from '@accord/common';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { AuthPayloadModel, UserModel } from './models/user.model';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel)
  @Public()
  async login(
    @Args() { email, password }: LoginArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<AuthPayloadModel> {
    const { accessToken, user } = await this.auth.login(
      email,
      password,
      context.req.ip ?? 'unknown',
    );
    return { accessToken, user: UserModel.from(user) };
  }

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null' })
  @Public()
  me(@CurrentUser() actor: Actor | null): UserModel | null {
    // The guard has just read the caller from the database; a disabled user is never an actor.
    return actor ? UserModel.fromActor(actor) : null;
  }
}
