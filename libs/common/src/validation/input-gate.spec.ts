import { Logger } from '@nestjs/common';
import {
  graphql,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { DomainException } from '../errors/domain.exception';
import { guardInputs, TextKindLookup } from './input-gate';

const ID = '00000000-0000-4000-8000-000000000000';

/** A schema of its own, with a resolver that echoes the arguments it received. */
function schema(kinds: TextKindLookup) {
  const Item = new GraphQLInputObjectType({
    name: 'ItemInput',
    fields: { title: { type: GraphQLString }, notes: { type: GraphQLString } },
  });
  const Input = new GraphQLInputObjectType({
    name: 'ThingInput',
    fields: {
      name: { type: GraphQLString },
      ownerId: { type: GraphQLID },
      hostIds: { type: new GraphQLList(GraphQLID) },
      items: { type: new GraphQLList(Item) },
    },
  });
  const calls: unknown[] = [];
  const echo = {
    type: GraphQLString,
    resolve: (_: unknown, args: unknown) => {
      calls.push(args);
      return JSON.stringify(args);
    },
  };
  const Row = new GraphQLObjectType({
    name: 'Row',
    fields: { label: { ...echo, args: { search: { type: GraphQLString } } } },
  });
  return {
    calls,
    schema: guardInputs(
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            thing: { ...echo, args: { id: { type: new GraphQLNonNull(GraphQLID) } } },
            search: {
              ...echo,
              args: { text: { type: GraphQLString }, password: { type: GraphQLString } },
            },
            rows: { type: new GraphQLList(Row), resolve: () => [{}, {}, {}] },
          },
        }),
        mutation: new GraphQLObjectType({
          name: 'Mutation',
          fields: {
            create: { ...echo, args: { input: { type: Input }, comment: { type: GraphQLString } } },
          },
        }),
      }),
      kinds,
    ),
  };
}

const kinds: TextKindLookup = {
  argument: (type, field, arg) =>
    `${type}.${field}.${arg}` === 'Mutation.create.comment' ? 'multiline' : undefined,
  inputField: (type, field) =>
    type === 'ThingInput' && field === 'name'
      ? 'name'
      : type === 'ItemInput' && field === 'notes'
        ? 'multiline'
        : undefined,
};

async function run(source: string, variableValues?: Record<string, unknown>) {
  const { schema: s, calls } = schema(kinds);
  const result = await graphql({ schema: s, source, variableValues });
  const error = result.errors?.[0]?.originalError;
  return {
    data: result.data,
    calls,
    refused:
      error instanceof DomainException
        ? { field: error.extensions.field, message: error.message }
        : null,
  };
}

describe(guardInputs.name, () => {
  it('refuses an ID that is not a UUID, naming the argument, before the resolver runs; logs it at debug', async () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error');
    const { refused, calls } = await run('{ thing(id: "nope") }');
    expect(refused).toEqual({ field: 'id', message: 'id must be a valid id' });
    expect(calls).toEqual([]);
    expect(debug).toHaveBeenCalledWith('Query.thing: id must be a valid id');
    expect(error).not.toHaveBeenCalled();
    debug.mockRestore();
    error.mockRestore();
  });

  it('checks a String nobody declared as single-line plain text', async () => {
    expect((await run('query($t: String) { search(text: $t) }', { t: 'a\nb' })).refused).toEqual({
      field: 'text',
      message: 'text must be a single line (no tabs or line breaks)',
    });
  });

  it('treats an undeclared password argument as a password: only NUL refused', async () => {
    expect(
      (await run('query($p: String) { search(password: $p) }', { p: 'a\tb\u007f' })).refused,
    ).toBeNull();
    expect(
      (await run('query($p: String) { search(password: $p) }', { p: 'a\u0000' })).refused,
    ).toEqual({
      field: 'password',
      message: 'password must not contain NUL (U+0000)',
    });
  });

  it('follows declared kinds: multi-line arguments and input fields keep line breaks', async () => {
    const { refused, calls } = await run(
      'mutation($c: String, $i: ThingInput) { create(comment: $c, input: $i) }',
      { c: 'one\ntwo', i: { items: [{ title: 'x', notes: 'a\r\nb' }] } },
    );
    expect(refused).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('names fields inside the input object (without "input"), list items by index, id lists by the list', async () => {
    const refusal = async (i: unknown) =>
      (await run('mutation($i: ThingInput) { create(input: $i) }', { i })).refused?.field;
    expect(await refusal({ name: 'a\u0000' })).toBe('name');
    expect(await refusal({ ownerId: 'x' })).toBe('ownerId');
    expect(await refusal({ hostIds: [ID, 'x'] })).toBe('hostIds');
    expect(await refusal({ items: [{ title: 'ok' }, { title: 'a\nb' }] })).toBe('items.1.title');
    expect(await refusal({ items: [{ title: 'ok', notes: 'a\u0000' }] })).toBe('items.0.notes');
  });

  it('hands the resolver normalised names, leaving the rest as sent', async () => {
    const { calls } = await run('mutation($i: ThingInput) { create(input: $i) }', {
      i: { name: ' Goo\u200bgle ', items: [{ title: ' kept ' }] },
    });
    expect(calls).toEqual([{ input: { name: 'Google', items: [{ title: ' kept ' }] } }]);
  });

  it('checks a per-row field’s arguments once per operation, not once per row', async () => {
    const { data, calls } = await run('{ rows { label(search: "x") } }');
    expect(data?.rows).toHaveLength(3);
    expect(calls).toHaveLength(3);
    expect(new Set(calls).size).toBe(1); // the same checked arguments for every row
  });
});
