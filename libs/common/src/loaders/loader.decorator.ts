import { createParamDecorator, ExecutionContext, Type } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLRequestContext } from '../graphql/request-context';
import { LoaderFactory } from './request-loaders';

/** Injects this request's instance of a DataLoader: `@Loader(ParticipantByIdLoader) loader`. */
export const Loader = createParamDecorator(
  (factory: Type<LoaderFactory>, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<GraphQLRequestContext>().loaders.get(factory),
);
