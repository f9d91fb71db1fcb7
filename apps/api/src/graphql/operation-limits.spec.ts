import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  typeFromAST,
} from 'graphql';
import * as ts from 'typescript';
import { LIST_COSTS } from './list-costs';
import {
  checkOperation,
  MAX_QUERY_COMPLEXITY,
  MAX_SELECTED_FIELDS,
  operationComplexity,
} from './operation-limits';

const ROOT = join(__dirname, '..', '..', '..', '..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationComplexity({ schema, document: parse(query), variables });
const errors = (query: string) =>
  checkOperation({ schema, document: parse(query) }).map((e) => e.message);

describe('operation limits', () => {
  it('counts a page at the size the caller asks for', () => {
    const page = (first: number) => cost(`{ users(first: ${first}) { id email } }`);
    expect(page(5)).toBe(1 + 5 * 2);
    expect(page(200)).toBe(1 + 200 * 2);
    // Beyond the largest page the service refuses the argument itself, naming it.
    expect(page(100_000)).toBe(page(200));
    expect(cost('{ users { id } }')).toBe(1 + 50);
    expect(cost('query($n: Int) { users(first: $n) { id } }', { n: 7 })).toBe(1 + 7);
  });

  it('multiplies nested lists by their estimated sizes', () => {
    const { items: clauses } = LIST_COSTS['Document.clauses'];
    const { items: comments } = LIST_COSTS['Clause.comments'];
    expect(cost('{ document(slug: "x") { clauses { id comments { id } } } }')).toBe(
      1 + 1 + clauses * (1 + 1 + comments * 1),
    );
    // A list of scalars costs what one field does.
    expect(cost('{ document(slug: "x") { eligibleKinds } }')).toBe(2);
  });

  it('refuses a small query whose nested lists multiply into a huge answer', () => {
    const query = `{ documents { clauses { comments { replies { replies { author { email } } } } } } }`;
    expect(cost(query)).toBeGreaterThan(MAX_QUERY_COMPLEXITY);
    expect(errors(query)).toEqual([expect.stringMatching(/too complex/)]);
  });

  it('lets the introspection query of IDEs through, and refuses nested introspection', () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(errors(full)).toEqual([]);
    expect(
      errors('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'),
    ).toEqual([expect.stringMatching(/Maximum introspection depth exceeded/)]);
    // Three copies under aliases: over the field limit, whatever the estimate.
    const [operation, ...fragments] = full.split(/(?=\bfragment )/);
    const schemaField = operation.slice(operation.indexOf('__schema'), operation.lastIndexOf('}'));
    const flood = ['a', 'b', 'c'].map((alias) => `${alias}: ${schemaField}`).join('\n');
    expect(errors(`{ ${flood} }\n${fragments.join('')}`)).toEqual([
      expect.stringMatching(/selects \d+ fields, the limit is/),
    ]);
  });

  it('refuses an alias flood of cheap fields', () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(errors(`{ ${aliases} }`)).toEqual([
      expect.stringMatching(new RegExp(`limit is ${MAX_SELECTED_FIELDS}`)),
    ]);
  });

  it('has a documented estimate for every list of objects in the schema, and none for missing fields', () => {
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const listOfObjects =
          isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type));
        if (listOfObjects) lists.push(`${type.name}.${field.name}`);
      }
    }
    expect(lists.filter((key) => !LIST_COSTS[key])).toEqual([]);
    const exists = (key: string) => {
      const [type, field] = key.split('.');
      const named = schema.getType(type);
      return isObjectType(named) && field in named.getFields();
    };
    expect(Object.keys(LIST_COSTS).filter((key) => !exists(key))).toEqual([]);
  });

  it('lets every query of the e2e tests, the benchmark, the README and docs/ through', () => {
    const found = exampleQueries();
    expect(found.length).toBeGreaterThan(80);
    const refused = found
      .map((query) => ({ query, errors: errors(query) }))
      .filter((r) => r.errors.some((e) => /too complex|exceeds maximum operation depth/.test(e)));
    expect(refused).toEqual([]);
  });
});

/** GraphQL documents written as string literals in TypeScript, or in fenced blocks of Markdown. */
function exampleQueries(): string[] {
  const candidates: string[] = [];
  const scanTs = (file: string) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const constants = new Map<string, string>();
    const visit = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        (ts.isStringLiteral(node.initializer) ||
          ts.isNoSubstitutionTemplateLiteral(node.initializer))
      )
        constants.set(node.name.text, node.initializer.text);
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
        candidates.push(node.text);
      else if (ts.isTemplateExpression(node))
        // Fragments held in constants of the same file are filled in; anything else is a value.
        candidates.push(
          node.head.text +
            node.templateSpans
              .map((span) => {
                const name = span.expression.getText(source);
                return (constants.get(name) ?? 'x') + span.literal.text;
              })
              .join(''),
        );
      ts.forEachChild(node, visit);
    };
    visit(source);
  };
  const e2e = join(ROOT, 'tests', 'e2e');
  for (const file of readdirSync(e2e)) if (file.endsWith('.ts')) scanTs(join(e2e, file));
  scanTs(join(ROOT, 'bench', 'run.ts'));
  const markdown = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => join('docs', f))];
  for (const file of markdown.filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const match of text.matchAll(/```(?:graphql|gql)?\n([\s\S]*?)```/g))
      candidates.push(match[1]);
  }
  return candidates.filter(isOperation);
}

/** Parses and names only fields of the schema: an operation the API would run. */
function isOperation(text: string): boolean {
  if (!/^\s*(query|mutation|subscription|\{)/.test(text)) return false;
  try {
    const document = parse(text);
    return checkOperationShape(document);
  } catch {
    return false;
  }
}

function checkOperationShape(document: ReturnType<typeof parse>): boolean {
  // Fill the variables with values of their types, as a client would send.
  const value = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return value(type.ofType);
    if (isListType(type)) return [value(type.ofType)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type))
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((f) => isNonNullType(f.type))
          .map((f) => [f.name, value(f.type)]),
      );
    return { Int: 1, Boolean: true, DateTime: '2026-01-01T00:00:00Z' }[type.name] ?? 'x';
  };
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') return false;
    const variables = Object.fromEntries(
      (definition.variableDefinitions ?? [])
        .filter((v) => v.variable.name.value !== 'first')
        .map((v) => [
          v.variable.name.value,
          value(typeFromAST(schema, v.type as never) as GraphQLInputType),
        ]),
    );
    const messages = checkOperation({ schema, document, variables }).map((e) => e.message);
    if (messages.some((m) => /Cannot query field|Unknown/.test(m))) return false;
  }
  return true;
}
