import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Actor,
  AllowedBeforeMfaEnrolment,
  CurrentUser,
  GraphQLRequestContext,
  Permission,
  Public,
} from '@accord/common';
import { UserModel } from '../models/user.model';
import { AuthPayloadModel } from '../models/user.model';
import { clientInfo } from './client-info';
import { RefreshSessionArgs } from './dto/refresh-session.args';
import { SessionModel } from './models/session.model';
import { SessionsService } from './sessions.service';

@Resolver(() => SessionModel)
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Mutation(() => AuthPayloadModel, {
    description: 'A new access token and a new refresh token; the one sent is used up',
  })
  @Public()
  @AllowedBeforeMfaEnrolment()
  async refreshSession(
    @Args() { refreshToken }: RefreshSessionArgs,
    @Context() context: GraphQLRequestContext,
  ): Promise<AuthPayloadModel> {
    const issued = await this.sessions.refresh(refreshToken, clientInfo(context));
    return AuthPayloadModel.from(issued, UserModel.from(issued.user));
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the access token used' })
  @Permission('session.logout')
  @AllowedBeforeMfaEnrolment()
  logout(@CurrentUser() actor: Actor | null): Promise<boolean> {
    return this.sessions.logout(actor);
  }

  @Query(() => [SessionModel], { description: 'My live sessions, most recently used first' })
  @Permission('session.list')
  async mySessions(@CurrentUser() actor: Actor | null): Promise<SessionModel[]> {
    return (await this.sessions.list(actor)).map((s) => SessionModel.from(s, actor?.sessionId));
  }

  @Mutation(() => Boolean, { description: 'Ends one of my sessions; its tokens stop working' })
  @Permission('session.revoke')
  revokeSession(
    @CurrentUser() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.sessions.revoke(actor, id);
  }
}
