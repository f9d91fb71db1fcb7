import { WebSocket } from 'ws';
import { createTestApp, TestApp } from '../support/test-app';

const ALLOWED = 'https://delegates.example.org';

/** Opens a graphql-ws socket as a browser page of `origin` would: the status of the handshake. */
function handshake(t: TestApp, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      'graphql-transport-ws',
      {
        headers,
      },
    );
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/** WebSockets know no CORS: the server applies CORS_ORIGINS to a browser page's socket itself. */
describe('graphql-ws and browser origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ corsOrigins: [ALLOWED] });
  });
  afterAll(() => t.close());

  it('accepts clients without an Origin (not browsers), this server’s own pages and CORS_ORIGINS', async () => {
    expect(await handshake(t, {})).toBe(101);
    expect(await handshake(t, { origin: t.baseUrl })).toBe(101);
    expect(await handshake(t, { origin: ALLOWED })).toBe(101);
  });

  it('refuses a page of any other origin before the handshake', async () => {
    expect(await handshake(t, { origin: 'https://elsewhere.example' })).toBe(403);
    expect(await handshake(t, { origin: 'null' })).toBe(403);
  });
});
