import request from 'supertest';
import WebSocket from 'ws';
import { createTestApp, TestApp } from '../support/test-app';
import { wsUrl, WsSession } from './ws-fixtures';
import { MAX_REQUEST_BYTES } from '../../apps/api/src/graphql/request-size';

const hop = (inner: string) => `delegation { participant { members { user { ${inner} } } } }`;
const DEEP = `{ me { ${hop(hop(hop(hop('id'))))} } }`;
const ALIAS_FLOOD = `{ ${Array.from(
  { length: 300 },
  (_, i) => `p${i}: participants(first: 1) { totalCount }`,
).join(' ')} }`;

/** Opens a raw graphql-ws socket and waits for connection_ack. */
async function acknowledgedSocket(t: TestApp): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl(t), 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', (data: Buffer) =>
      JSON.parse(data.toString()).type === 'connection_ack'
        ? resolve()
        : reject(new Error(data.toString())),
    );
    socket.once('error', reject);
  });
  return socket;
}

const closed = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));

/** The same operation limits over graphql-ws as over HTTP, with the same error codes. */
describe('graphql-ws: depth, complexity and size limits', () => {
  let t: TestApp;
  let ws: WsSession;
  beforeAll(async () => {
    t = await createTestApp();
    ws = new WsSession(t, null);
  });
  afterAll(async () => {
    await ws.dispose();
    await t.close();
  });

  const overHttp = (query: string) =>
    request(t.http).post('/graphql').set('content-type', 'application/json').send({ query });

  it('refuses a query deeper than the limit, as HTTP does', async () => {
    const http = await overHttp(DEEP);
    const socket = await ws.run(DEEP);
    expect(socket.data ?? undefined).toBeUndefined();
    expect(socket.errors?.[0].message).toMatch(/exceeds maximum operation depth/);
    expect(socket.errors?.[0].extensions?.code).toBe(http.body.errors[0].extensions.code);
    expect(socket.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an anonymous 300-alias query over the complexity limit, as HTTP does', async () => {
    const http = await overHttp(ALIAS_FLOOD);
    expect(http.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const socket = await ws.run(ALIAS_FLOOD);
    expect(socket.data ?? undefined).toBeUndefined();
    expect(socket.errors?.[0].message).toMatch(/too complex/);
    expect(socket.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query that does not parse, with the code HTTP gives', async () => {
    const http = await overHttp('{ participants(');
    const socket = await ws.run('{ participants(');
    expect(socket.errors?.[0].extensions?.code).toBe(http.body.errors[0].extensions.code);
  });

  it('still runs an ordinary query over the same socket', async () => {
    const result = await ws.run('{ participants(first: 1) { totalCount } }');
    expect(result.errors).toBeUndefined();
    expect(ws.connections).toBe(1);
  });

  it('closes a socket that sends a message larger than an HTTP body may be (1009)', async () => {
    const socket = await acknowledgedSocket(t);
    const onClose = closed(socket);
    const padding = 'x'.repeat(MAX_REQUEST_BYTES);
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `{ participants(first: 1) { totalCount } } # ${padding}` },
      }),
    );
    expect(await onClose).toBe(1009);
  });

  it('accepts a message under the limit on a fresh socket', async () => {
    const socket = await acknowledgedSocket(t);
    const answer = new Promise<{ type: string; payload: unknown }>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `{ participants(first: 1) { totalCount } } # ${'x'.repeat(100_000)}` },
      }),
    );
    expect(await answer).toMatchObject({ type: 'next', payload: { data: expect.any(Object) } });
    socket.close();
  });
});

describe('graphql-ws: GRAPHQL_INTROSPECTION', () => {
  it('refuses introspection over a socket when it is turned off', async () => {
    const t = await createTestApp({ graphqlIntrospection: false });
    const ws = new WsSession(t, null);
    try {
      const refused = await ws.run('{ __schema { types { name } } }');
      expect(refused.data ?? undefined).toBeUndefined();
      expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await ws.run('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await ws.dispose();
      await t.close();
    }
  });
});
