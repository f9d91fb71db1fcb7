import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  CompiledReads,
  CompiledReadsAuthenticator,
  FoldedCallerCheck,
  GraphQLRequestContext,
} from '@accord/common';
import { mustEnrolSecondFactor } from '@accord/policy';
import { LRUCache } from 'lru-cache';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer-token';
import { AccessClaims } from './sessions/access-claims';
import { actorOfRow, ActorRow, actorOfSessionSql } from './sessions/sessions.repository';

/** Sessions whose last caller is remembered as the next guess (the least recently used go first). */
const GUESSES = 1000;

type Req = GraphQLRequestContext['req'];

/**
 * The caller of a compiled read, identified as AccessGuard identifies it (the same token
 * check, and the same session statement, on its own or folded into the read's statement).
 * Whenever the guard would do more than identify (a token refused or malformed, a session
 * gone, a staff member who must first enrol a second factor), the answer is undefined and the
 * operation goes through the guard and resolvers as usual.
 *
 * To fold the session check into the read (one statement instead of two), the read is
 * planned for the caller this session had last time: a guess, remembered per session id of a
 * verified token, and used only once the row the statement returns has confirmed it (see
 * CompiledReads.runAsCaller).
 */
@Injectable()
export class CompiledReadsCaller implements OnModuleInit, CompiledReadsAuthenticator {
  private readonly guesses = new LRUCache<string, Actor>({ max: GUESSES });

  constructor(
    private readonly compiledReads: CompiledReads,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.compiledReads.authenticateWith(this);
  }

  async caller(req: Req): Promise<Actor | null | undefined> {
    const found = await this.claims(req);
    if ('caller' in found) return found.caller;
    const actor = await this.auth.actorFor(found.claims);
    return this.accepted(req, found.claims, actor);
  }

  async lookup(
    req: Req,
  ): Promise<{ caller: Actor | null | undefined } | { check: FoldedCallerCheck }> {
    const found = await this.claims(req);
    if ('caller' in found) return found;
    const { claims } = found;
    const guess = this.guesses.get(claims.sid);
    if (!guess || guess.id !== claims.sub) return { caller: await this.caller(req) };
    return {
      check: {
        guess,
        params: [claims.sub, claims.sid],
        sql: (first) => {
          const { touch, select } = actorOfSessionSql(`$${first}`, `$${first + 1}`);
          return { touch, caller: `SELECT row_to_json(c) FROM (${select}) c` };
        },
        accept: (row) =>
          this.accepted(req, claims, row ? actorOfRow(row as ActorRow, claims.sid) : null),
      },
    };
  }

  /** The claims of the request's bearer token, or the caller when no session needs reading. */
  private async claims(
    req: Req,
  ): Promise<{ caller: Actor | null | undefined } | { claims: AccessClaims }> {
    if (req.user !== undefined) return { caller: req.user };
    const authorization = req.headers?.authorization;
    if (authorization === undefined || authorization === '') return { caller: null };
    const token = bearerToken(authorization);
    const claims = token ? await this.auth.claimsOf(token) : null;
    return claims ? { claims } : { caller: undefined };
  }

  private accepted(req: Req, claims: AccessClaims, actor: Actor | null): Actor | undefined {
    this.guesses.delete(claims.sid);
    if (!actor || mustEnrolSecondFactor(actor, this.config.requireMfaForStaff)) return undefined;
    this.guesses.set(claims.sid, actor);
    // As passport would: the guard, should the resolvers run after all, does not ask again.
    req.user = actor;
    return actor;
  }
}
