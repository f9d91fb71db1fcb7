import { PlatformRole } from '@accord/common';
import request from 'supertest';
import { createUser, TEST_PASSWORD, TestUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import WebSocket from 'ws';
import { WsSession, wsUrl } from './ws-fixtures';

/** The app's log lines, as a log collector would read them from stdout. */
class CapturedLogs {
  readonly text: string[] = [];

  write(line: string): void {
    this.text.push(line);
  }

  get lines(): Record<string, any>[] {
    return this.text.map((line) => JSON.parse(line) as Record<string, any>);
  }

  about(reqId: string): Record<string, any>[] {
    return this.lines.filter((line) => line.reqId === reqId);
  }

  accessLine(reqId: string): Record<string, any> | undefined {
    return this.about(reqId).find((line) => line.msg === 'request');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ME = 'query WhoAmI { me { id } }';
const LOGIN = `mutation SignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken }
}`;

describe('Structured logs: access lines, request ids, redaction, correlation ids', () => {
  const logs = new CapturedLogs();
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'log', logFormat: 'json' }, undefined, logs);
    user = await createUser(t);
    admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
  });
  afterAll(() => t?.close());

  it('writes one access line per request with method, path, operation, status, duration, user and request id, returned in X-Request-Id', async () => {
    const sent = 'client-request-0001';
    const res = await request(t.http)
      .post('/graphql')
      .set('x-request-id', sent)
      .set('authorization', `Bearer ${user.token}`)
      .send({ query: ME });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe(sent);
    const lines = logs.about(sent).filter((line) => line.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      reqId: sent,
      method: 'POST',
      path: '/graphql',
      operation: 'WhoAmI',
      operationType: 'query',
      status: 200,
      userId: user.id,
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(typeof lines[0].time).toBe('number');
  });

  it('replaces an unsafe or oversized client request id with its own', async () => {
    for (const unsafe of ['has spaces in it', 'x'.repeat(200), '{"forged":"field"}']) {
      const res = await request(t.http).get('/health').set('x-request-id', unsafe);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    const anonymous = await request(t.http).post('/graphql').send({ query: ME });
    const id = anonymous.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(logs.accessLine(id)).toMatchObject({ path: '/graphql', userId: null });
  });

  it('never logs a password, a token, a cookie or query variables', async () => {
    const wrongPassword = 'wrong-password-Xq7-never-logged';
    const failed = await t.gql(LOGIN, { email: user.email, password: wrongPassword });
    expect(failed.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const login = await request(t.http)
      .post('/graphql')
      .set('authorization', `Bearer ${admin.token}`)
      .set('cookie', 'session=cookie-value-never-logged')
      .send({ query: LOGIN, variables: { email: user.email, password: TEST_PASSWORD } });
    const { accessToken, refreshToken } = login.body.data.login as Record<string, string>;
    // GET carries the query and its variables in the URL.
    const overGet = await request(t.http)
      .get('/graphql')
      .query({
        query: 'query Who($note: String!) { me { id } __type(name: $note) { name } }',
        variables: JSON.stringify({ note: 'variable-value-never-logged' }),
      })
      .set('apollo-require-preflight', 'true')
      .set('authorization', `Bearer ${accessToken}`);
    expect(overGet.status).toBe(200);
    expect(logs.accessLine(overGet.headers['x-request-id'] as string)).toMatchObject({
      method: 'GET',
      path: '/graphql',
      operation: 'Who',
      userId: user.id,
    });

    const all = logs.text.join('\n');
    // The failed login was logged (a warning), without what was typed.
    expect(all).toMatch(/Login failed/);
    for (const secret of [
      wrongPassword,
      TEST_PASSWORD,
      admin.token,
      user.token,
      accessToken,
      refreshToken,
      'cookie-value-never-logged',
      'variable-value-never-logged',
    ])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(/"(authorization|cookie|variables|password)":"(?!\[redacted\])/i);
  });

  it('gives an internal error the request id as correlationId, and logs the error under that id', async () => {
    const sent = 'trace-internal-error-42';
    await t.dataSource.query('ALTER TABLE users RENAME TO users_gone');
    let res: request.Response;
    try {
      res = await request(t.http)
        .post('/graphql')
        .set('x-request-id', sent)
        .set('authorization', `Bearer ${admin.token}`)
        .send({ query: '{ users { id } }' });
    } finally {
      await t.dataSource.query('ALTER TABLE users_gone RENAME TO users');
    }
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      correlationId: sent,
    });
    const lines = logs.about(sent);
    const error = lines.find((line) => line.msg === 'internal error');
    expect(error).toMatchObject({ level: 50, reqId: sent });
    expect(error!.err).toMatch(/users/);
    expect(logs.accessLine(sent)).toMatchObject({ status: 200, graphqlErrors: true });
  });

  it('writes one line per graphql-ws operation with its name, user, request id and connection id', async () => {
    const session = new WsSession(t, user.token);
    try {
      const result = await session.run('query OverSocket { me { id } }');
      expect(result.errors).toBeUndefined();
    } finally {
      await session.dispose();
    }
    // The upgrade response carries the connection's id, a client's safe one kept.
    const upgrade = await new Promise<string | undefined>((resolve, reject) => {
      const socket = new WebSocket(wsUrl(t), 'graphql-transport-ws', {
        headers: { 'x-request-id': 'socket-trace-0001' },
      });
      socket.once('upgrade', (res) => resolve(res.headers['x-request-id'] as string));
      socket.once('open', () => socket.close());
      socket.once('error', reject);
    });
    expect(upgrade).toBe('socket-trace-0001');
    const line = logs.lines.find(
      (l) => l.msg === 'graphql-ws operation' && l.operation === 'OverSocket',
    );
    expect(line).toMatchObject({
      level: 30,
      transport: 'ws',
      operationType: 'query',
      userId: user.id,
      reqId: expect.stringMatching(UUID),
      connectionId: expect.stringMatching(UUID),
    });
  });

  it('carries the request id into the lines services write while the request runs, over HTTP and graphql-ws', async () => {
    const sent = 'trace-login-failure-0007';
    const failed = await request(t.http)
      .post('/graphql')
      .set('x-request-id', sent)
      .send({ query: LOGIN, variables: { email: user.email, password: 'not-the-password-1' } });
    expect(failed.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const warning = logs.about(sent).find((line) => /Login failed/.test(String(line.msg)));
    expect(warning).toMatchObject({ level: 40, context: 'Auth', reqId: sent });

    const session = new WsSession(t, null);
    try {
      const overSocket = await session.run(
        'mutation SocketSignIn($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
        { email: user.email, password: 'not-the-password-2' },
      );
      expect(overSocket.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await session.dispose();
    }
    const operation = logs.lines.find(
      (l) => l.msg === 'graphql-ws operation' && l.operation === 'SocketSignIn',
    );
    expect(operation?.reqId).toMatch(UUID);
    const socketWarning = logs
      .about(operation!.reqId as string)
      .find((line) => /Login failed/.test(String(line.msg)));
    expect(socketWarning).toMatchObject({ level: 40, context: 'Auth' });
    // Lines written outside any request (start-up, background work) carry no request id.
    expect(logs.lines.some((line) => line.context && !line.reqId)).toBe(true);
  });
});
