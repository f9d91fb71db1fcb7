import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

describe('GET /health (liveness) and /health/ready (readiness)', () => {
  let t: TestApp;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await createTestApp({}, database);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  it('is ready, naming the database, the listener and the job queue, when they work', async () => {
    const live = await request(t.http).get('/health');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    const ready = await request(t.http).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, listener: { status: 'up' }, jobs: { status: 'up' } },
    });
  });

  it('is not ready (503, the database named down) when the database is gone, yet still alive', async () => {
    await database.drop();
    const ready = await request(t.http).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: { database: { status: 'down' }, jobs: { status: 'down' } },
    });
    expect(JSON.stringify(ready.body)).not.toMatch(/SELECT|accord_test_/);
    // Liveness does not depend on the database: an outage must not get every instance restarted.
    const live = await request(t.http).get('/health');
    expect(live.status).toBe(200);
  });
});
