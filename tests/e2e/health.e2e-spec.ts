import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

describe('GET /health', () => {
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

  it('answers 200 with the database status when the database is reachable', async () => {
    const res = await request(t.http).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database is not reachable', async () => {
    await database.drop();
    const res = await request(t.http).get('/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', database: 'down' });
  });
});
