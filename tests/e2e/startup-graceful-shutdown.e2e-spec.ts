import { ChildProcess } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freePort } from '@accord/common';
import { startApiProcess, waitFor } from '../support/api-process';
import { closedDataFolder } from '../support/data-folder';

const QUERY = '{ participants(first: 5) { totalCount edges { node { name } } } }';

/**
 * A POST /graphql whose body is sent in two halves: the request is in flight (the server is
 * reading it) until `finish` sends the rest.
 */
function slowRequest(port: number) {
  const body = JSON.stringify({ query: QUERY });
  const half = Math.floor(body.length / 2);
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let data = '';
      res.on('data', (chunk: Buffer) => (data += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('graceful shutdown (SIGTERM)', () => {
  const folder = closedDataFolder();
  let child: ChildProcess | undefined;
  afterAll(async () => {
    // Only when the test failed half-way: never leave the API (and its database) running.
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    }
    folder.remove();
  }, 90_000);

  it('finishes the requests in flight, refuses new connections, closes sockets, stops the database, exits 0', async () => {
    const port = await freePort();
    const started = startApiProcess(folder.dir, port, { LOG_LEVEL: 'log', SHUTDOWN_GRACE: '30s' });
    child = started.child;
    const { output } = started;
    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    // Generous: a first start runs initdb and the migrations, slow on a busy machine.
    await waitFor(() => output().includes('Accord API ready'), 'the API to start', 400_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}; its output:\n${output()}`);
      },
    );
    const clusterDir = realpathSync(join(folder.dir, 'pg'));

    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        if (JSON.parse(data.toString()).type === 'connection_ack') resolve();
      }),
    );
    const socketClosed = new Promise<number>((resolve) => socket.on('close', resolve));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    await acked;

    const inFlight = Array.from({ length: 5 }, () => slowRequest(port));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server has their headers

    child.kill('SIGTERM');
    await waitFor(() => output().includes('SIGTERM: stopping'), 'the shutdown to begin', 10_000);
    expect(await connectionRefused(port)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const request of inFlight) request.finish();
    const responses = await Promise.all(inFlight.map((request) => request.response));
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.participants.totalCount).toBe(0);
    }

    expect(await socketClosed).toBe(1001); // "going away"
    expect(await exited).toBe(0);
    // A clean stop of PostgreSQL removes its pid file.
    expect(existsSync(join(clusterDir, 'postmaster.pid'))).toBe(false);
  }, 600_000);
});
