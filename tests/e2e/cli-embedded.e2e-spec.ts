import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@accord/common';
import { accord, STACK_LINE } from '../support/cli';
import { ApiProcess, startApiProcess, waitFor } from '../support/api-process';
import { closedDataFolder } from '../support/data-folder';

jest.setTimeout(900_000);

const PASSWORD = 'violet tractors sing 42 old ballads';

async function login(port: number, email: string, password: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: email, p: password },
    }),
  });
  return res.json();
}

describe('npm run accord on the embedded database (no DATABASE_URL)', () => {
  const folder = closedDataFolder();
  let api: ApiProcess | undefined;

  afterAll(async () => {
    const child = api?.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    folder.remove();
  });

  it('uses the server of the API that holds the database, says so, and refuses a revert under it', async () => {
    const port = await freePort();
    api = startApiProcess(folder.dir, port);
    await waitFor(() => api!.output().includes('Accord API ready'), 'the API to start', 600_000);
    const env = { DATA_DIR: folder.dir };

    const created = await accord(
      [
        'create-user',
        '--email',
        'embedded.op@example.org',
        '--name',
        'Embedded Op',
        '--password-stdin',
      ],
      { env, input: PASSWORD },
    );
    expect(created.stderr).toMatch(
      /The Accord API running on .* holds its embedded PostgreSQL \(pid \d+\)/,
    );
    expect(created.code).toBe(0);
    // The running API sees the user at once: no restart.
    expect(await login(port, 'embedded.op@example.org', PASSWORD)).toMatchObject({
      data: { login: { accessToken: expect.any(String) } },
    });

    const revert = await accord(['migrate', 'revert'], { env });
    expect(revert.code).toBe(1);
    expect(revert.stderr).toMatch(/holds its embedded database: stop it/);
    expect(revert.stderr).not.toMatch(STACK_LINE);
  });

  it('with no API running, starts the embedded server for the task and stops it at the end', async () => {
    const child = api!.child;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;

    const verified = await accord(['verify-audit'], { env: { DATA_DIR: folder.dir } });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Audit chain intact: [1-9]\d* events/);
    const cluster = realpathSync(join(folder.dir, 'pg'));
    expect(existsSync(join(cluster, 'postmaster.pid'))).toBe(false);
  });
});
