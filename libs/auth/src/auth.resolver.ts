import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, GraphQLRequestContext, Public } from '@accord/common';
import { AuthService } from './auth.service';
import { LoginArgs } from './dto/login.args';
import { AuthPayloadModel, UserModel } from './models/user.model';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

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
  async me(@CurrentUser() actor: Actor | null): Promise<UserModel | null> {
    const user = actor && (await this.users.getById(actor.id));
    return user ? UserModel.from(user) : null;
  }
}
