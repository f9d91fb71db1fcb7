import { Logger } from '@nestjs/common';
import {
  defaultFieldResolver,
  FieldNode,
  GraphQLFieldResolver,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { DomainException } from '../errors/domain.exception';
import { checkText } from '../text/check-text';
import type { TextKind } from '../text/text-kind';
import { isUuid } from './is-uuid';

/** Where the kinds declared on DTO properties come from (see nest-text-kinds.ts). */
export interface TextKindLookup {
  argument(typeName: string, fieldName: string, argName: string): TextKind | undefined;
  inputField(inputTypeName: string, fieldName: string): TextKind | undefined;
}

type Check =
  | { is: 'id' }
  | { is: 'text'; kind: TextKind }
  | { is: 'list'; of: Check }
  | { is: 'object'; fields: [string, Check][] };

type Args = Record<string, unknown>;

const logger = new Logger('InputGate');

/** Undeclared fields are single-line text, except that a password is a password by its name. */
const defaultKind = (name: string): TextKind => (/password/i.test(name) ? 'secret' : 'plain');

/** `input` is the conventional single input object: its fields are named on their own. */
const join = (path: string, name: string) =>
  path ? `${path}.${name}` : name === 'input' ? '' : name;

class Planner {
  private readonly objects = new Map<string, Check | null>();

  constructor(private readonly kinds: TextKindLookup) {}

  of(type: GraphQLInputType, kind: () => TextKind): Check | null {
    if (isNonNullType(type)) return this.of(type.ofType, kind);
    if (isListType(type)) {
      const of = this.of(type.ofType as GraphQLInputType, kind);
      return of && { is: 'list', of };
    }
    if (isInputObjectType(type)) return this.object(type);
    if (type.name === 'ID') return { is: 'id' };
    if (type.name === 'String') return { is: 'text', kind: kind() };
    return null; // enums, numbers, booleans and dates are checked by their scalar
  }

  private object(type: GraphQLInputObjectType): Check | null {
    if (this.objects.has(type.name)) return this.objects.get(type.name)!;
    const check: Check = { is: 'object', fields: [] };
    this.objects.set(type.name, check); // before the fields: an input type may refer to itself
    for (const field of Object.values(type.getFields())) {
      const inner = this.of(
        field.type,
        () => this.kinds.inputField(type.name, field.name) ?? defaultKind(field.name),
      );
      if (inner) check.fields.push([field.name, inner]);
    }
    return check;
  }
}

/** The value checked, with names normalised; the input itself is never changed. */
function apply(check: Check, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  switch (check.is) {
    case 'id':
      if (typeof value === 'string' && !isUuid(value))
        throw DomainException.badInput(path || 'input', `${path || 'input'} must be a valid id`);
      return value;
    case 'text':
      return typeof value === 'string' ? checkText(value, check.kind, path || 'input') : value;
    case 'list': {
      if (!Array.isArray(value)) return apply(check.of, value, path);
      let out = value;
      value.forEach((item: unknown, index) => {
        // A list of objects names the item (items.2.title), a list of ids the list (hostIds).
        const at = check.of.is === 'object' ? join(path, String(index)) : path;
        const next = apply(check.of, item, at);
        if (next !== item) {
          if (out === value) out = [...value];
          out[index] = next;
        }
      });
      return out;
    }
    case 'object': {
      const object = value as Args;
      let out = object;
      for (const [name, inner] of check.fields) {
        if (!(name in object)) continue;
        const next = apply(inner, object[name], join(path, name));
        if (next !== object[name]) {
          if (out === object) out = { ...object };
          out[name] = next;
        }
      }
      return out;
    }
  }
}

/**
 * Args are a function of the field's place in the query and the variables: checked once per
 * operation even when the field resolves for every row of a list.
 */
function guarded(resolve: GraphQLFieldResolver<unknown, unknown>, check: Check) {
  const checkedByOperation = new WeakMap<object, Map<FieldNode, Args>>();
  const gated = ((source, args: Args, context, info) => {
    let checked = checkedByOperation.get(info.variableValues);
    if (!checked) checkedByOperation.set(info.variableValues, (checked = new Map()));
    let safe = checked.get(info.fieldNodes[0]);
    if (!safe) {
      try {
        safe = apply(check, args, '') as Args;
      } catch (error) {
        logger.debug(`${info.parentType.name}.${info.fieldName}: ${(error as Error).message}`);
        throw error;
      }
      checked.set(info.fieldNodes[0], safe);
    }
    return resolve(source, safe, context, info);
  }) as GraphQLFieldResolver<unknown, unknown>;
  // Named after what it gates, so that a schema walk can tell it from Nest's per-call wrapper.
  Object.defineProperty(gated, 'name', { value: `gated ${resolve.name}` });
  return gated;
}

/**
 * Puts a check in front of every field that takes a String or an ID (in its arguments or
 * anywhere in their input objects), for every transport: an ID must be a UUID, a String
 * must be text of its kind (single-line plain text unless declared otherwise), names are
 * normalised. A refusal is BAD_USER_INPUT naming the field, before any resolver, guard or
 * database call. Changes the schema's resolvers in place.
 */
export function guardInputs(schema: GraphQLSchema, kinds: TextKindLookup): GraphQLSchema {
  const planner = new Planner(kinds);
  const subscription = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const fields: [string, Check][] = [];
      for (const arg of field.args) {
        const check = planner.of(
          arg.type,
          () => kinds.argument(type.name, field.name, arg.name) ?? defaultKind(arg.name),
        );
        if (check) fields.push([arg.name, check]);
      }
      if (!fields.length) continue;
      const check: Check = { is: 'object', fields };
      if (type === subscription && field.subscribe)
        field.subscribe = guarded(field.subscribe, check);
      else field.resolve = guarded(field.resolve ?? defaultFieldResolver, check);
    }
  }
  return schema;
}
