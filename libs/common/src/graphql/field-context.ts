import { Type } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
// @nestjs/graphql stores parameter bindings under Nest's route-args key (its PARAM_ARGS_METADATA).
import { ROUTE_ARGS_METADATA as PARAM_ARGS_METADATA } from '@nestjs/common/constants';
import { Actor } from '../auth/actor';
import { LoaderFactory } from '../loaders/request-loaders';
import { GraphQLRequestContext } from './request-context';

/*
 * Per-row field resolvers are called once per row of a list (thousands of times for a large
 * draft). @nestjs/graphql calls a @ResolveField method directly, as graphql-js's
 * `(parent, args, context, info)`, only when it has no parameter decorators (and no field
 * middleware or fieldResolverEnhancers); one @Parent, @CurrentUser, @Loader or @Args sends every
 * call through Nest's external-context wrapper (pipes, param factories, an ExecutionContext per
 * call), which was most of the cost of a large read. So field resolvers take the raw arguments
 * and read the caller and loaders from the context with these helpers. Guards never ran on
 * field resolvers (no fieldResolverEnhancers): permissions were and are checked in the services.
 */

/** The caller of this request (set by AccessGuard on the root field), or null when anonymous. */
export function callerOf(context: GraphQLRequestContext): Actor | null {
  return context.req?.user ?? null;
}

/** This request's instance of a DataLoader (see RequestLoaders). */
export function loaderOf<L>(context: GraphQLRequestContext, factory: Type<LoaderFactory<L>>): L {
  return context.loaders.get(factory);
}

/**
 * `@FieldArgs() args: SomeArgs` on the second parameter of a @ResolveField method: declares the
 * field's arguments in the schema exactly as `@Args()` does, without making Nest wrap the call.
 * The method receives graphql-js's coerced arguments (types, enums, defaults and non-null
 * already enforced by graphql-js; String and ID arguments by the input gate), not a
 * class-transformer instance, so an ArgsType used here must hold no rule that only
 * class-validator enforces (see tests/e2e/field-resolver-fast-path.e2e-spec.ts).
 */
export function FieldArgs(): ParameterDecorator {
  const declare = Args();
  return (target, key, index) => {
    if (key === undefined || index !== 1) {
      throw new Error('@FieldArgs() goes on the second parameter of a @ResolveField method');
    }
    declare(target, key, index);
    // Keep the schema declaration (stored lazily by @Args), drop the runtime binding.
    const bound = Reflect.getMetadata(PARAM_ARGS_METADATA, target.constructor, key) as
      Record<string, { index: number }> | undefined;
    const rest = Object.fromEntries(
      Object.entries(bound ?? {}).filter(([, param]) => param.index !== index),
    );
    if (Object.keys(rest).length) {
      Reflect.defineMetadata(PARAM_ARGS_METADATA, rest, target.constructor, key);
    } else {
      Reflect.deleteMetadata(PARAM_ARGS_METADATA, target.constructor, key);
    }
  };
}
