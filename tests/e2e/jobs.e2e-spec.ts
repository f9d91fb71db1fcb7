import { countQueries } from '../support/count-queries';
import { JobsService } from '@accord/jobs';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/** Polls until `done()` holds (the workers poll the queue every couple of seconds). */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('Job queue (pg-boss on the app database)', () => {
  let database: { url: string; drop(): Promise<void> };
  const apps: TestApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await database.drop();
  });

  /** An app on the shared database with a handler on `queue` that records what it ran. */
  async function startWith(queue: string, seen: string[], workers = true): Promise<JobsService> {
    const app = await createTestApp({ jobsWorkers: workers }, database);
    apps.push(app);
    const jobs = app.get(JobsService);
    jobs.register<{ n: number }>(queue, async (job) => {
      seen.push(`${job.data.n}`);
    });
    await jobs.ready();
    return jobs;
  }

  it('runs each job once when two instances work the same queue', async () => {
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = await startWith('test-shared', seenA);
    await startWith('test-shared', seenB);
    for (let n = 0; n < 20; n++) await a.send('test-shared', { n });
    await until(() => seenA.length + seenB.length >= 20, 'the 20 jobs');
    const all = [...seenA, ...seenB].sort((x, y) => Number(x) - Number(y));
    expect(all).toEqual(Array.from({ length: 20 }, (_, n) => `${n}`));
  });

  it('runs at the next start a job that fell due while no instance ran', async () => {
    const sender = await startWith('test-later', [], false);
    await sender.send('test-later', { n: 7 }, { startAfter: new Date(Date.now() + 1500) });
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const seen: string[] = [];
    await startWith('test-later', seen);
    await until(() => seen.length > 0, 'the scheduled job');
    expect(seen).toEqual(['7']);
  });

  it('creates a job once per singleton key, and only if its transaction commits', async () => {
    const seen: string[] = [];
    const jobs = await startWith('test-once', seen);
    const { dataSource } = apps[0];
    expect(await jobs.send('test-once', { n: 1 }, { singletonKey: 'k' })).not.toBeNull();
    expect(await jobs.send('test-once', { n: 2 }, { singletonKey: 'k' })).toBeNull();
    await dataSource
      .transaction(async (manager) => {
        await jobs.send('test-once', { n: 3 }, { manager });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await dataSource.transaction((manager) => jobs.send('test-once', { n: 4 }, { manager }));
    await until(() => seen.length >= 2, 'the committed jobs');
    await jobs.send('test-once', { n: 5 });
    await until(() => seen.length >= 3, 'the last job');
    expect(seen).toEqual(['1', '4', '5']);
  });

  it('sends many jobs in one statement, with the same singleton and transaction rules', async () => {
    const seen: string[] = [];
    const jobs = await startWith('test-many', seen);
    const { dataSource } = apps[0];
    await jobs.send('test-many', { n: 0 }, { singletonKey: 'k0' });
    const { statements } = await countQueries(() =>
      jobs.sendMany('test-many', [
        { data: { n: 1 }, singletonKey: 'k0' }, // already there
        { data: { n: 2 }, singletonKey: 'k2' },
        { data: { n: 3 }, singletonKey: 'k2' }, // twice in the list
        { data: { n: 4 } },
        { data: { n: 5 }, startAfter: new Date(Date.now() + 1000) },
      ]),
    );
    // Only the inserts are counted: the workers of this process poll the queue meanwhile.
    expect(statements.filter((sql) => /INSERT INTO pgboss\.job/.test(sql))).toHaveLength(1);
    await dataSource
      .transaction(async (manager) => {
        await jobs.sendMany('test-many', [{ data: { n: 6 } }], { manager });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await until(() => seen.length >= 4, 'the four jobs');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen.sort()).toEqual(['0', '2', '4', '5']);
  });

  it('lives on when a finished job cannot be recorded (the database went away), and the job stays to be retried', async () => {
    const seen: string[] = [];
    const jobs = await startWith('test-unrecorded', seen);
    const { dataSource } = apps[0];
    jobs.register<{ n: number }>('test-unrecorded-failing', async (job) => {
      seen.push(`${job.data.n}`);
      throw new Error('the handler failed');
    });
    await jobs.ready();
    // Recording either outcome is refused, as a database going away would refuse it; the
    // sequence (not transactional) counts the refusals.
    await dataSource.query(`
      CREATE SEQUENCE test_unrecorded_refusals;
      CREATE FUNCTION test_unrecorded_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM nextval('test_unrecorded_refusals'); RAISE EXCEPTION 'the database went away'; END $$;
      CREATE TRIGGER test_unrecorded_completion BEFORE UPDATE ON pgboss.job FOR EACH ROW
        WHEN (OLD.name LIKE 'test-unrecorded%' AND NEW.state = 'completed')
        EXECUTE FUNCTION test_unrecorded_refuse();
      CREATE TRIGGER test_unrecorded_failure BEFORE DELETE ON pgboss.job FOR EACH ROW
        WHEN (OLD.name LIKE 'test-unrecorded%') EXECUTE FUNCTION test_unrecorded_refuse();
    `);
    try {
      await jobs.send('test-unrecorded', { n: 1 });
      await jobs.send('test-unrecorded-failing', { n: 2 });
      const refusals = async () =>
        Number(
          (await dataSource.query(`SELECT last_value, is_called FROM test_unrecorded_refusals`))
            .filter((row: { is_called: boolean }) => row.is_called)
            .map((row: { last_value: string }) => row.last_value)[0] ?? 0,
        );
      await until(async () => (await refusals()) >= 2, 'both outcomes refused');
      // Unhandled, the refusal would have ended the process (and failed this test) by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen.sort()).toEqual(['1', '2']);
      const states = await dataSource.query(
        `SELECT name, state FROM pgboss.job WHERE name LIKE 'test-unrecorded%' ORDER BY name`,
      );
      expect(states).toEqual([
        { name: 'test-unrecorded', state: 'active' },
        { name: 'test-unrecorded-failing', state: 'active' },
      ]);
      const res = await request(apps[0].http).get('/health/ready');
      expect(res.status).toBe(200);
    } finally {
      await dataSource.query(`
        DROP TRIGGER test_unrecorded_completion ON pgboss.job;
        DROP TRIGGER test_unrecorded_failure ON pgboss.job;
        DROP FUNCTION test_unrecorded_refuse();
        DROP SEQUENCE test_unrecorded_refusals;
      `);
    }
  });

  it('reports the queue in the readiness probe', async () => {
    await startWith('test-ready', []);
    const res = await request(apps[0].http).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.info.jobs).toMatchObject({ status: 'up' });
  });
});
