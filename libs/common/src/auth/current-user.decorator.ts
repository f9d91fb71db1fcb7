import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from './actor';
import { GraphQLRequestContext } from '../graphql/request-context';

/** The caller of this request, or null when anonymous. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null => {
    if (context.getType<string>() === 'graphql') {
      return (
        GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().req?.user ?? null
      );
    }
    return (context.switchToHttp().getRequest<{ user?: Actor | null }>().user ??
      null) as Actor | null;
  },
);
