import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_METADATA, AccessDeclaration } from '@accord/common';
import { ACTIONS } from '@accord/policy';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/** Every resolver method and REST route of the app with the access it declares. */
function declarations(t: TestApp): Map<string, AccessDeclaration | undefined> {
  const found = new Map<string, AccessDeclaration | undefined>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
      const prototype = wrapper.metatype?.prototype as Record<string, unknown> | undefined;
      if (!prototype) continue;
      const controllerPath = Reflect.getMetadata('path', wrapper.metatype as object) as
        string | undefined;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        // Read the descriptor: touching a getter on a prototype would run it.
        const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
        if (typeof method !== 'function' || name === 'constructor') continue;
        const access = Reflect.getMetadata(ACCESS_METADATA, method) as
          AccessDeclaration | undefined;
        const type = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        const field = Reflect.getMetadata('graphql:resolver_name', method) as string | undefined;
        if (type && (ROOT_TYPES as readonly string[]).includes(type))
          found.set(`${type}.${field ?? name}`, access);
        const routePath = Reflect.getMetadata('path', method) as string | undefined;
        const verb = Reflect.getMetadata('method', method) as number | undefined;
        if (controllerPath !== undefined && routePath !== undefined && verb !== undefined) {
          const route =
            `/${[controllerPath, routePath].filter((p) => p && p !== '/').join('/')}`.replace(
              /\/+/g,
              '/',
            );
          found.set(
            `HTTP ${['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'][verb]} ${route}`,
            access,
          );
        }
      }
    }
  }
  return found;
}

const describeAccess = (access: AccessDeclaration | undefined) =>
  !access ? 'UNDECLARED' : access.public ? 'public' : access.permission;

describe('operation permissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('covers every root field of the served schema with a resolver that declares its access', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const found = declarations(t);
    const missing: string[] = [];
    for (const root of ROOT_TYPES) {
      const type = schema.getType(root) as { getFields(): Record<string, unknown> } | undefined;
      for (const field of Object.keys(type?.getFields() ?? {})) {
        if (!found.get(`${root}.${field}`)) missing.push(`${root}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares only permissions the policy knows', () => {
    const unknown = [...declarations(t).values()]
      .map(describeAccess)
      .filter((p) => p !== 'public' && p !== 'authenticated' && !(ACTIONS as string[]).includes(p));
    expect(unknown).toEqual([]);
  });

  it('matches the reviewed list of operations and their permissions (a new one must be added here)', () => {
    const table = Object.fromEntries(
      [...declarations(t)].map(([op, access]) => [op, describeAccess(access)]).sort(),
    );
    expect(table).toMatchSnapshot();
  });
});
