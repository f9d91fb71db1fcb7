import { request } from 'node:http';
import { GraphQLResponse, TestApp } from './test-app';

/**
 * POST /graphql from a chosen loopback address (127.0.0.2, 127.0.0.3 …), so that one test can
 * play several clients: the app sees it as req.ip.
 */
export function gqlFrom<T = Record<string, any>>(
  t: TestApp,
  localAddress: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = null,
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const url = new URL('/graphql', t.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            resolve({
              status: res.statusCode ?? 0,
              data: parsed.data ?? null,
              errors: parsed.errors,
            });
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
