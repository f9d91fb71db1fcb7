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
import { clientInfo } from './sessions/client-info';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel, {
    description: 'Opens a session: a short-lived access token and a single-use refresh token',
  })
  @Public()
  async login(
    @Args() credentials: LoginArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<AuthPayloadModel> {
    const issued = await this.auth.login(credentials, clientInfo(context));
    return AuthPayloadModel.from(issued, UserModel.from(issued.user));
  }

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null' })
  @Public()
  @AllowedBeforeMfaEnrolment()
  me(@CurrentUser() actor: Actor | null): UserModel | null {
    // The guard has just read the caller from the database; a disabled user is never an actor.
    return actor ? UserModel.fromActor(actor) : null;
  }
}
