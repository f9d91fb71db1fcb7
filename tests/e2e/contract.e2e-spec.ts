import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { createTestApp, TestApp } from '../support/test-app';

const CONTRACT = buildSchema(
  readFileSync(join(__dirname, '..', '..', 'schema', 'contract.graphql'), 'utf8'),
);

function contractTypes(): GraphQLNamedType[] {
  return Object.values(CONTRACT.getTypeMap()).filter((type) => !type.name.startsWith('__'));
}

/** Differences between a contract type and the served one: missing fields, other types, other arguments. */
function differences(contract: GraphQLNamedType, served: GraphQLSchema): string[] {
  const actual = served.getType(contract.name);
  if (!actual) return [`${contract.name}: missing`];
  if (actual.constructor !== contract.constructor)
    return [`${contract.name}: is a ${actual.constructor.name}`];
  const problems: string[] = [];
  if (isEnumType(contract)) {
    const values = new Set((actual as GraphQLEnumType).getValues().map((v) => v.name));
    for (const value of contract.getValues())
      if (!values.has(value.name)) problems.push(`${contract.name}.${value.name}: missing`);
  }
  if (isObjectType(contract) || isInputObjectType(contract)) {
    const fields = (actual as GraphQLObjectType | GraphQLInputObjectType).getFields();
    for (const field of Object.values(contract.getFields())) {
      const mine = fields[field.name];
      const where = `${contract.name}.${field.name}`;
      if (!mine) {
        problems.push(`${where}: missing`);
        continue;
      }
      if (String(mine.type) !== String(field.type))
        problems.push(`${where}: ${String(mine.type)} instead of ${String(field.type)}`);
      if (
        'defaultValue' in field &&
        field.defaultValue !== undefined &&
        (mine as { defaultValue?: unknown }).defaultValue !== field.defaultValue
      ) {
        problems.push(
          `${where}: default ${String((mine as { defaultValue?: unknown }).defaultValue)} instead of ${String(field.defaultValue)}`,
        );
      }
      for (const arg of 'args' in field ? field.args : []) {
        const myArg = 'args' in mine ? mine.args.find((a) => a.name === arg.name) : undefined;
        if (!myArg) problems.push(`${where}(${arg.name}): missing`);
        else if (String(myArg.type) !== String(arg.type))
          problems.push(
            `${where}(${arg.name}): ${String(myArg.type)} instead of ${String(arg.type)}`,
          );
        else if (arg.defaultValue !== undefined && myArg.defaultValue !== arg.defaultValue) {
          problems.push(
            `${where}(${arg.name}): default ${String(myArg.defaultValue)} instead of ${String(arg.defaultValue)}`,
          );
        }
      }
    }
  }
  return problems;
}

describe('the binding API contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is served exactly: every type, field, argument and default of schema/contract.graphql', () => {
    const served = t.app.get(GraphQLSchemaHost).schema;
    const problems = contractTypes().flatMap((type) => differences(type, served));
    expect(problems).toEqual([]);
  });
});
