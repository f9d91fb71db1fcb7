import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, APP_CONFIG, AppConfig, CompiledReads, GraphQLRequestContext } from '@accord/common';
import { mustEnrolSecondFactor } from '@accord/policy';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer-token';

/**
 * The caller of a compiled read, identified as AccessGuard identifies it (the same
 * AuthService.actorFromToken, session check included). Whenever the guard would do more than
 * identify (a token refused or malformed, a staff member who must first enrol a second factor),
 * the answer is undefined and the operation goes through the guard and resolvers as usual.
 */
@Injectable()
export class CompiledReadsCaller implements OnModuleInit {
  constructor(
    private readonly compiledReads: CompiledReads,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.compiledReads.authenticateWith((req) => this.callerOf(req));
  }

  async callerOf(req: GraphQLRequestContext['req']): Promise<Actor | null | undefined> {
    if (req.user !== undefined) return req.user;
    const authorization = req.headers?.authorization;
    if (authorization === undefined || authorization === '') return null;
    const token = bearerToken(authorization);
    if (!token) return undefined;
    const actor = await this.auth.actorFromToken(token);
    if (!actor || mustEnrolSecondFactor(actor, this.config.requireMfaForStaff)) return undefined;
    // As passport would: the guard, should the resolvers run after all, does not ask again.
    req.user = actor;
    return actor;
  }
}
