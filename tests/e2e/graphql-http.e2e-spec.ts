import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createUser } from '../support/factories';

/** GraphQL over HTTP: the MUSTs of the specification, CSRF prevention, limits and error hygiene. */
describe('GraphQL over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown, accept = 'application/json') =>
    request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept', accept)
      .send(body as object);

  it('answers POST with application/json by default', async () => {
    const res = await post({ query: '{ me { id } }' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ data: { me: null } });
  });

  it('answers with application/graphql-response+json when the client asks for it', async () => {
    const res = await post({ query: '{ me { id } }' }, 'application/graphql-response+json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
  });

  it('gives 400 for a document that does not validate, with application/graphql-response+json', async () => {
    const res = await post({ query: '{ nope }' }, 'application/graphql-response+json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives 400 for a body without a query and for JSON that does not parse', async () => {
    expect((await post({ variables: {} })).status).toBe(400);
    const bad = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": ');
    expect(bad.status).toBe(400);
  });

  it('serves queries over GET (with a CSRF preflight header) and refuses mutations over GET', async () => {
    const query = await request(t.http)
      .get('/graphql')
      .query({ query: '{ participants(first: 1) { totalCount } }' })
      .set('apollo-require-preflight', 'true');
    expect(query.status).toBe(200);
    expect(query.body.data.participants.totalCount).toBe(0);
    const mutation = await request(t.http)
      .get('/graphql')
      .query({ query: 'mutation { login(email: "a@b.c", password: "x") { accessToken } }' })
      .set('apollo-require-preflight', 'true');
    expect(mutation.status).toBe(405);
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const res = await request(t.http).get('/graphql').query({ query: '{ me { id } }' });
    expect(res.status).toBe(400);
    const form = await request(t.http)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"{ me { id } }"}');
    expect(form.status).toBe(400);
  });

  it('limits query depth', async () => {
    const hop = (inner: string) => `delegation { participant { members { user { ${inner} } } } }`;
    const deep = `{ me { ${hop(hop(hop(hop('id'))))} } }`;
    const res = await post({ query: deep });
    expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth/);
    expect(res.body.data).toBeUndefined();
  });

  it('limits query complexity (an alias flood is refused)', async () => {
    const aliases = Array.from(
      { length: 400 },
      (_, i) => `p${i}: participants(first: 1) { totalCount }`,
    ).join(' ');
    const res = await post({ query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.body.errors[0].message).toMatch(/too complex/);
  });

  it('measures the same query again with other variables (a larger page is refused)', async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `p${i}: participants(first: $first) { edges { node { members { user { id } } } } }`,
    ).join(' ');
    const query = `query Pages($first: Int) { ${aliases} }`;
    const small = await post({ query, variables: { first: 1 } });
    expect(small.body.errors).toBeUndefined();
    // Measured within the limit once: the same text and variables again are not refused…
    expect((await post({ query, variables: { first: 1 } })).body.errors).toBeUndefined();
    // …but the same text with a larger page is measured, and refused.
    const large = await post({ query, variables: { first: 100 } });
    expect(large.status).toBe(400);
    expect(large.body.errors[0].message).toMatch(/too complex/);
  });

  it('refuses oversized input with a clear error naming the field', async () => {
    const admin = await createUser(t, { platformRole: 'ADMIN' as never });
    const res = await t.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: 'big@test.example',
          displayName: 'n'.repeat(100_000),
          password: 'long enough password',
        },
      },
      admin.token,
    );
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
  });

  it('never sends a stack trace, SQL or driver message; unexpected failures get a correlation id only', async () => {
    const admin = await createUser(t, { platformRole: 'ADMIN' as never });
    // Break the database under the app: the resolver's query fails in the driver.
    await t.dataSource.query('ALTER TABLE users RENAME TO users_gone');
    try {
      const res = await t.gql('{ users { id } }', {}, admin.token);
      // The caller's lookup failed: an internal error, not a refused token.
      expect(res.errors![0].extensions).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        correlationId: expect.any(String),
      });
      const body = JSON.stringify(res);
      expect(body).not.toMatch(/users_gone|\brelation\b|SELECT|stack|at .*\.ts/i);
    } finally {
      await t.dataSource.query('ALTER TABLE users_gone RENAME TO users');
    }
  });
});
