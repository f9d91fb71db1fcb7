import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Walks the served schema: every String and ID position of every argument (inside input
 * objects and lists too) of every query, mutation and subscription gets a bad value, the other
 * arguments dummy valid ones. A field added later is in the walk without anyone listing it.
 */

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';
const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * The fields that accept line breaks (multi-line by nature) and passwords (kept as typed):
 * reviewed here, like the permission table. Every other String is single-line text.
 */
const LINE_BREAKS_ALLOWED = [
  'Mutation.acceptAmendment(note)',
  'Mutation.addClause(text)',
  'Mutation.addComment(body)',
  'Mutation.breakSilence(reason)',
  'Mutation.cancelSilenceProcedure(reason)',
  'Mutation.changePassword(currentPassword)',
  'Mutation.changePassword(newPassword)',
  'Mutation.createUser(password)',
  'Mutation.disableTotp(password)',
  'Mutation.login(password)',
  'Mutation.makeStatement(text)',
  'Mutation.proposeAmendment(rationale)',
  'Mutation.proposeAmendment(text)',
  'Mutation.rebaseAmendment(text)',
  'Mutation.recordSignature(statement)',
  'Mutation.rejectAmendment(note)',
  'Mutation.resetPassword(newPassword)',
  'Mutation.setClauseTranslation(text)',
  'Mutation.signDocument(statement)',
  'Mutation.updateAgenda(items.0.notes)',
  'Mutation.updateClause(text)',
  'Mutation.withdrawSignature(reason)',
  'Query.verifySignature(text)',
];

interface Position {
  root: (typeof ROOTS)[number];
  field: GraphQLField<unknown, unknown>;
  arg: string;
  /** Keys from the argument's value down to the string (list items: 0). */
  keys: (string | number)[];
  scalar: 'String' | 'ID';
  /** The name the error must give: the argument (omitted when it is `input`), then fields. */
  expected: string;
}

function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields()))
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = dummy(f.type);
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0].value as unknown;
  switch (type.name) {
    case 'ID':
      return DUMMY_ID;
    case 'String':
      return 'x';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2030-01-01T09:00:00.000Z';
    default:
      throw new Error(`input walk: no dummy value for ${type.name}`);
  }
}

function positionsIn(
  type: GraphQLInputType,
  keys: (string | number)[],
  expected: string,
  seen: Set<string>,
  out: Omit<Position, 'root' | 'field' | 'arg'>[],
): void {
  if (isNonNullType(type)) return positionsIn(type.ofType, keys, expected, seen, out);
  if (isListType(type)) {
    const itemIsObject = isInputObjectType(getNamedType(type.ofType));
    return positionsIn(
      type.ofType,
      [...keys, 0],
      itemIsObject ? `${expected}.0` : expected,
      seen,
      out,
    );
  }
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return;
    for (const f of Object.values(type.getFields()))
      positionsIn(
        f.type,
        [...keys, f.name],
        expected ? `${expected}.${f.name}` : f.name,
        new Set([...seen, type.name]),
        out,
      );
    return;
  }
  if (type.name === 'String' || type.name === 'ID') out.push({ keys, scalar: type.name, expected });
}

function positions(schema: GraphQLSchema): Position[] {
  const all: Position[] = [];
  for (const root of ROOTS) {
    const type = schema.getType(root) as {
      getFields(): Record<string, GraphQLField<unknown, unknown>>;
    };
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) {
        const found: Omit<Position, 'root' | 'field' | 'arg'>[] = [];
        positionsIn(arg.type, [], arg.name === 'input' ? '' : arg.name, new Set(), found);
        all.push(...found.map((p) => ({ ...p, root, field, arg: arg.name })));
      }
    }
  }
  return all;
}

function setAt(value: unknown, keys: (string | number)[], leaf: unknown): unknown {
  if (!keys.length) return leaf;
  const [key, ...rest] = keys;
  if (typeof key === 'number') return [setAt((value as unknown[] | undefined)?.[0], rest, leaf)];
  const object = (value ?? {}) as Record<string, unknown>;
  return { ...object, [key]: setAt(object[key], rest, leaf) };
}

/** One operation calling the position's field, its argument `arg` carrying `leaf` there. */
function operation(p: Position, leaf: string) {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of p.field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (!required && arg.name !== p.arg) continue;
    variables[arg.name] =
      arg.name === p.arg ? setAt(dummy(arg.type), p.keys, leaf) : dummy(arg.type);
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const selection = isCompositeType(getNamedType(p.field.type)) ? ' { __typename }' : '';
  const keyword = p.root.toLowerCase();
  return {
    query: `${keyword}(${declared.join(', ')}) { ${p.field.name}(${passed.join(', ')})${selection} }`,
    variables,
  };
}

const label = (p: Position) => `${p.root}.${p.field.name}(${p.expected || p.arg})`;

describe('every String and ID argument of the schema refuses bad input', () => {
  let t: TestApp;
  let w: World;
  let all: Position[];
  let stderr: string[];
  let restore: () => void;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    all = positions(t.app.get(GraphQLSchemaHost).schema);
    stderr = [];
    const write = process.stderr.write.bind(process.stderr);
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk, ...rest) => {
      stderr.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    restore = () => spy.mockRestore();
  });
  afterAll(async () => {
    restore();
    await t.close();
  });

  async function send(p: Position, leaf: string) {
    const { query, variables } = operation(p, leaf);
    if (p.root !== 'Subscription') return t.gql(query, variables, w.admin.token);
    const client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${w.admin.token}` },
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<{ errors?: { extensions: Record<string, unknown> }[] }>(
        (resolve, reject) => {
          client.subscribe(
            { query, variables },
            {
              next: (value) => resolve(value as never),
              error: (error) =>
                Array.isArray(error) ? resolve({ errors: error as never }) : reject(error),
              complete: () => resolve({}),
            },
          );
        },
      );
      return { status: 101, data: null, errors: result.errors as never };
    } finally {
      await client.dispose();
    }
  }

  it('finds the arguments to walk (names, titles, texts, ids, passwords, subscriptions)', () => {
    const labels = all.map(label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Mutation.createParticipant(name)',
        'Mutation.createUser(email)',
        'Mutation.createUser(password)',
        'Mutation.updateAgenda(items.0.title)',
        'Mutation.updateMeeting(hostIds)',
        'Query.participants(filter.search)',
        'Query.document(id)',
        'Subscription.signatureAdded(documentId)',
      ]),
    );
    expect(all.length).toBeGreaterThan(60);
  });

  it('refuses a NUL byte in every String and ID, with BAD_USER_INPUT naming the field', async () => {
    const wrong: string[] = [];
    for (const p of all) {
      const res = await send(p, 'a\u0000b');
      const error = res.errors?.[0]?.extensions;
      if (error?.code !== 'BAD_USER_INPUT' || error.field !== (p.expected || p.arg))
        wrong.push(`${label(p)}: ${JSON.stringify(res.errors ?? res.data)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses DEL, C1 and other C0 controls in every String and ID but passwords', async () => {
    const wrong: string[] = [];
    for (const p of all.filter((q) => !/password/i.test(q.expected))) {
      for (const bad of ['a\u007fb', 'a\u0085b', 'a\u001bb']) {
        const res = await send(p, bad);
        const error = res.errors?.[0]?.extensions;
        if (error?.code !== 'BAD_USER_INPUT' || error.field !== (p.expected || p.arg))
          wrong.push(`${label(p)} ${JSON.stringify(bad)}: ${JSON.stringify(res.errors)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an id that is not a UUID in every ID argument, naming it', async () => {
    const wrong: string[] = [];
    for (const p of all.filter((q) => q.scalar === 'ID')) {
      const res = await send(p, 'nope');
      const error = res.errors?.[0];
      if (
        error?.extensions.code !== 'BAD_USER_INPUT' ||
        error.extensions.field !== p.expected ||
        error.message !== `${p.expected} must be a valid id`
      )
        wrong.push(`${label(p)}: ${JSON.stringify(res.errors)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('accepts line breaks only in the reviewed multi-line fields (and passwords)', async () => {
    const strings = all.filter((p) => p.scalar === 'String');
    const refusing: string[] = [];
    for (const p of strings) {
      const res = await send(p, 'first line\nsecond line');
      const error = res.errors?.[0];
      // Other refusals (a DELETE amendment takes no text…) come from later rules, not this one.
      if (
        error?.extensions.code === 'BAD_USER_INPUT' &&
        error.extensions.field === p.expected &&
        error.message === `${p.expected} must be a single line (no tabs or line breaks)`
      )
        refusing.push(label(p));
    }
    const accepting = strings.map(label).filter((l) => !refusing.includes(l));
    expect(accepting.sort()).toEqual(LINE_BREAKS_ALLOWED);
  });

  it('keeps every other character of a password: only NUL is refused', async () => {
    for (const p of all.filter((q) => /password/i.test(q.expected))) {
      const res = await send(p, 'a\u007f\u0085\u001b\tb');
      // A wrong current password is refused too, but by the account rules, not as bad characters.
      expect(res.errors?.[0]?.message ?? '').not.toMatch(/control character|single line/);
    }
  });

  it('never logs a refused input as an error', () => {
    expect(stderr.filter((line) => /ERROR/.test(line))).toEqual([]);
  });
});
