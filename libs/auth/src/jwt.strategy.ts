import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor } from '@accord/common';
import passport from 'passport';
import { AuthService } from './auth.service';
import { bearerToken } from './bearer-token';

type Verify = (token: string, done: (error: unknown, actor?: Actor | null) => void) => void;

/** Passport's part is only to read the header; what a token means is decided in one place. */
class BearerTokenStrategy extends passport.Strategy {
  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(req: { headers?: Record<string, unknown> }): void {
    const token = bearerToken(req.headers?.authorization);
    if (!token) return this.fail(401);
    this.verify(token, (error, actor) => {
      if (error) this.error(error);
      else if (actor) this.success(actor);
      else this.fail(401);
    });
  }
}

/**
 * The caller of an HTTP request (or of a graphql-ws operation, whose context carries the
 * connection's token the same way): AuthService.actorFromToken, as on every transport.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(BearerTokenStrategy, 'jwt') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  /** Returning null rejects the token: a disabled or deleted user is refused on the very next request. */
  validate(token: string): Promise<Actor | null> {
    return this.auth.actorFromToken(token);
  }
}
