import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A per-row field resolver runs once per row (thousands of times in a large draft read). Nest
 * calls it directly only when it has no parameter decorators; one @Parent, @CurrentUser,
 * @Loader or @Args wraps every call in its external-context machinery, which was most of the
 * CPU of such a read. Field resolvers therefore take `(parent, args, context)` and use
 * callerOf/loaderOf/@FieldArgs (libs/common/src/graphql/field-context.ts). This walks the
 * schema: every resolver of a non-root field must be the method itself, bound to its resolver.
 */
describe('field resolvers are called directly, not through Nest’s per-call wrapper', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds for every field of every object type', () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const roots = new Set(
      [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
        Boolean,
      ),
    );
    const wrapped: string[] = [];
    let direct = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
      for (const field of Object.values(type.getFields())) {
        // A plain property: @nestjs/graphql's own property reader.
        if (!field.resolve || field.resolve.name === 'rootFieldResolver') continue;
        // The method itself, bound (once by Nest, once by the schema factory): `bound bound name`;
        // a field with String arguments behind the input gate, which checks them once per operation.
        if (new RegExp(`^(gated )?(bound )+${field.name}$`).test(field.resolve.name)) direct++;
        else wrapped.push(`${type.name}.${field.name}: ${field.resolve.name}`);
      }
    }
    expect(wrapped).toEqual([]);
    expect(direct).toBeGreaterThan(30);
  });

  it('still gives field arguments their declared defaults and types', async () => {
    const result = await t.gql(
      `{ __type(name: "Document") { fields { name args { name defaultValue type { name } } } } }`,
    );
    const fields = (result.data!.__type as { fields: { name: string; args: unknown[] }[] }).fields;
    const byName = Object.fromEntries(fields.map((f) => [f.name, f.args]));
    expect(byName.signatures).toEqual([
      { name: 'includeWithdrawn', defaultValue: 'false', type: { name: 'Boolean' } },
    ]);
    expect(byName.amendments).toEqual([
      { name: 'status', defaultValue: null, type: { name: 'AmendmentStatus' } },
    ]);
  });
});
