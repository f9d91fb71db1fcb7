import * as argon2 from 'argon2';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { AppConfig, freePort, loadConfig } from '@accord/common';
import { RunningApi, startApi, StartRefusedError } from '../../apps/api/src/bootstrap';
import { TEST_JWT_SECRET } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/** The demo accounts, as the seed makes them: their passwords are the published ones. */
describe('listening beyond loopback with demo accounts', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const configFor = (host: string, port: number): AppConfig =>
    loadConfig({
      DATABASE_URL: database.url,
      JWT_SECRET: TEST_JWT_SECRET,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
      HOST: host,
      PORT: String(port),
    });
  const sql = async (text: string, values: unknown[] = []) => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // Seeds the demo data once, on loopback.
    const api = await startApi(configFor('127.0.0.1', await freePort()), { listen: false });
    await api.stop();
  }, 180_000);
  afterAll(() => database.drop());

  it('refuses to start while a demo account has its published password, saying why and what to do', async () => {
    const port = await freePort();
    const attempt = startApi(configFor('0.0.0.0', port));
    await expect(attempt).rejects.toBeInstanceOf(StartRefusedError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain('HOST=0.0.0.0');
    expect(message).toContain('secretariat@accord.example');
    expect(message).toMatch(/published/);
    expect(message).toMatch(/change those passwords or disable those users/);
    expect(message).toContain('HOST=127.0.0.1');
  }, 60_000);

  it('listens on 127.0.0.1 (the default HOST) with the demo accounts as they are', async () => {
    const api: RunningApi = await startApi(configFor('127.0.0.1', await freePort()));
    try {
      const address = api.app.getHttpServer().address() as AddressInfo;
      expect(address.address).toBe('127.0.0.1');
    } finally {
      await api.stop();
    }
  }, 60_000);

  it('starts beyond loopback once no enabled demo account keeps its published password', async () => {
    const other = await argon2.hash('a password nobody published', { type: argon2.argon2id });
    const demo = await sql(
      `SELECT id FROM users WHERE email LIKE '%@accord.example' ORDER BY email`,
    );
    expect(demo.rowCount).toBeGreaterThan(1);
    const [disabled, ...changed] = demo.rows.map((row: { id: string }) => row.id);
    await sql(`UPDATE users SET "passwordHash" = $1 WHERE id = ANY($2)`, [other, changed]);
    await sql(`UPDATE users SET "disabledAt" = now() WHERE id = $1`, [disabled]);

    const api = await startApi(configFor('0.0.0.0', await freePort()), { listen: false });
    await api.stop();
  }, 60_000);
});
