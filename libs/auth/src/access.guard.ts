import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import {
  ACCESS_METADATA,
  AccessDeclaration,
  Actor,
  APP_CONFIG,
  AppConfig,
  DomainException,
  ErrorCode,
  GraphQLRequestContext,
  MFA_ENROLMENT_EXEMPT,
} from '@accord/common';
import { mustEnrolSecondFactor } from '@accord/policy';

type AuthRequest = { user?: Actor | null; headers?: Record<string, unknown> };

/**
 * The one global guard. Every operation must declare @Public() or @Permission(); one that
 * declares nothing is refused, so nothing is open by accident. The caller is identified by
 * passport-jwt when a bearer token is sent; fine-grained checks happen in the services.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override getRequest(context: ExecutionContext): AuthRequest {
    if (context.getType<string>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().req;
    }
    return context.switchToHttp().getRequest<AuthRequest>();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.get<AccessDeclaration | undefined>(
      ACCESS_METADATA,
      context.getHandler(),
    );
    if (!access) throw DomainException.forbidden('This operation declares no permission');
    const request = this.getRequest(context);
    // graphql-ws operations carry their connection's token here too: each one is re-authorised.
    const authorization = request.headers?.authorization;
    if (request.user === undefined && typeof authorization === 'string' && authorization) {
      // On a public operation a stale token makes the caller anonymous rather than failing the request.
      const authenticated = (super.canActivate(context) as Promise<boolean>).catch(
        (error: unknown) => {
          const refused =
            error instanceof DomainException && error.code === ErrorCode.UNAUTHENTICATED;
          if (!access.public || !refused) throw error;
          return false;
        },
      );
      await authenticated;
    }
    request.user ??= null;
    if (!access.public && !request.user) throw DomainException.unauthenticated();
    this.assertSecondFactorEnrolled(request.user, context);
    return true;
  }

  /** REQUIRE_MFA_FOR_STAFF: the one check, for every operation over every transport. */
  private assertSecondFactorEnrolled(actor: Actor | null, context: ExecutionContext): void {
    if (!mustEnrolSecondFactor(actor, this.config.requireMfaForStaff)) return;
    if (this.reflector.get<boolean | undefined>(MFA_ENROLMENT_EXEMPT, context.getHandler())) return;
    throw new DomainException(
      ErrorCode.FORBIDDEN,
      'Staff accounts must turn on a second factor first: call beginTotpEnrolment, then confirmTotpEnrolment with a code from your authenticator app',
      { reason: 'MFA_ENROLMENT_REQUIRED' },
    );
  }

  /** A refused token is UNAUTHENTICATED; any other failure (the database is down) is itself. */
  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw DomainException.unauthenticated('The access token is invalid or has expired');
    return user;
  }
}
