import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PlatformRole } from '@accord/common';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken }
}`;
const ME = `{ me { id } }`;
const MY_SESSIONS = `{ mySessions { id current } }`;

describe('sessions over graphql-ws', () => {
  let t: TestApp;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => t.close());

  function connect(token: string): Client {
    const client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
      // One socket for every operation of a test: the point is what an open socket does.
      lazyCloseTimeout: 60_000,
    });
    clients.push(client);
    return client;
  }

  async function once<T>(client: Client, query: string): Promise<T> {
    const iterator = client.iterate<T>({ query });
    const result = await iterator.next();
    await iterator.return?.();
    return result.value.data as T;
  }

  async function loggedIn(email: string): Promise<string> {
    return (await t.gql(LOGIN, { email, password: TEST_PASSWORD })).data!.login.accessToken;
  }

  it('a live session’s token is accepted at connect, knows its current session, and an ended one is refused', async () => {
    const user = await createUser(t);
    const token = await loggedIn(user.email);
    const live = connect(token);
    expect(await once<{ me: { id: string } }>(live, ME)).toEqual({ me: { id: user.id } });
    const { mySessions } = await once<{ mySessions: { current: boolean }[] }>(live, MY_SESSIONS);
    expect(mySessions.filter((s) => s.current)).toHaveLength(1);

    expect((await t.gql('mutation { logout }', {}, token)).data!.logout).toBe(true);
    const iterator = connect(token).iterate({ query: ME });
    await expect(iterator.next()).rejects.toMatchObject({ code: 4403 });
  });

  it('a token of a disabled user’s session is refused at connect', async () => {
    const admin = await createUser(t, { platformRole: PlatformRole.ADMIN });
    const user = await createUser(t);
    await t.gql(
      'mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }',
      { id: user.id },
      admin.token,
    );
    const iterator = connect(user.token).iterate({ query: ME });
    await expect(iterator.next()).rejects.toMatchObject({ code: 4403 });
  });

  it('an open socket loses its caller on the next operation once the session ends', async () => {
    const user = await createUser(t);
    const token = await loggedIn(user.email);
    const socket = connect(token);
    expect(await once<{ mySessions: unknown[] }>(socket, MY_SESSIONS)).toBeTruthy();
    await t.gql('mutation { logout }', {}, token);
    const iterator = socket.iterate({ query: MY_SESSIONS });
    const next = await iterator.next().then(
      (r) => JSON.stringify(r.value),
      (e: unknown) => `closed ${(e as { code?: number }).code}`,
    );
    // The socket stays open and the operation is refused, exactly as over HTTP.
    expect(next).toMatch(/"code":"UNAUTHENTICATED"/);
  });
});
