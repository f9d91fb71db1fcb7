import { TypeMetadataStorage } from '@nestjs/graphql';
import type { TextKindLookup } from './input-gate';
import { declaredTextKind } from './text-kind.decorators';

type Class = { prototype: object };

/**
 * The text kinds declared on the DTO classes behind the schema: input types by their name,
 * argument classes (@ArgsType) through the root fields whose resolvers take them. Nest keeps
 * no field extensions on arguments, hence its metadata storage.
 */
export function nestTextKinds(): TextKindLookup {
  const inputs = new Map<string, Class>(
    TypeMetadataStorage.getInputTypesMetadata().map((m) => [m.name, m.target as Class]),
  );
  const argsClasses = new Map<string, Class[]>();
  const roots = [
    ['Query', TypeMetadataStorage.getQueriesMetadata()],
    ['Mutation', TypeMetadataStorage.getMutationsMetadata()],
    ['Subscription', TypeMetadataStorage.getSubscriptionsMetadata()],
  ] as const;
  for (const [typeName, resolvers] of roots) {
    for (const resolver of resolvers) {
      const classes = (resolver.methodArgs ?? [])
        .filter((arg) => arg.kind === 'args')
        .map((arg) => arg.typeFn() as unknown as Class);
      argsClasses.set(`${typeName}.${resolver.schemaName}`, classes);
    }
  }
  return {
    argument: (typeName, fieldName, argName) => {
      for (const argsClass of argsClasses.get(`${typeName}.${fieldName}`) ?? []) {
        const kind = declaredTextKind(argsClass.prototype, argName);
        if (kind) return kind;
      }
      return undefined;
    },
    inputField: (typeName, fieldName) => {
      const inputClass = inputs.get(typeName);
      return inputClass ? declaredTextKind(inputClass.prototype, fieldName) : undefined;
    },
  };
}
