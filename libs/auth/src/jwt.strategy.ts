import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Actor, APP_CONFIG, AppConfig } from '@accord/common';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthService } from './auth.service';
import { isAccessClaims } from './sessions/access-claims';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * Returning null rejects the token: one without expiry or session, of an ended session, or
   * of a disabled or deleted user is refused on the very next request.
   */
  async validate(payload: unknown): Promise<Actor | null> {
    return isAccessClaims(payload) ? this.auth.actorFor(payload) : null;
  }
}
