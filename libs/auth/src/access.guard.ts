import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import {
  ACCESS_METADATA,
  AccessDeclaration,
  Actor,
  DomainException,
  ErrorCode,
  GraphQLRequestContext,
} from '@accord/common';

type AuthRequest = { user?: Actor | null; headers?: Record<string, unknown> };

/**
 * The one global guard. Every operation must declare @Public() or @Permission(); one that
 * declares nothing is refused, so nothing is open by accident. The caller is identified by
 * passport-jwt when a bearer token is sent; fine-grained checks happen in the services.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') implements CanActivate {
  constructor(private readonly reflector: Reflector) {
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
    return true;
  }

  /** A refused token is UNAUTHENTICATED; any other failure (the database is down) is itself. */
  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw DomainException.unauthenticated('The access token is invalid or has expired');
    return user;
  }
}
