import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DATABASE_URL,
  TransactionHost,
  TypeOrmAdapter,
} from '@accord/common';
import PgBoss from 'pg-boss';
import { singletonJobId } from './job-id';
import { QueueDb } from './queue-db';
import { transactionDb } from './transaction-db';
import { JobHandler, QueueOptions, SendOptions } from './jobs.types';

/** pg-boss's own tables live here; it creates (and migrates) the schema on start. */
export const JOBS_SCHEMA = 'pgboss';
/** Connections of the queue's own pool (polling, maintenance), beside the app's. */
const POOL_SIZE = 4;
const QUEUE_DEFAULTS: Required<QueueOptions> = {
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  concurrency: 1,
};

interface Registration {
  handler: JobHandler<any>;
  options: Required<QueueOptions>;
}

/**
 * The job queue: pg-boss on the app's database. Libraries `register` a handler per queue (in
 * onModuleInit) and `send` jobs; a job sent inside a transaction is written by that transaction.
 * Every instance creates the queues; only those with JOBS_WORKERS on run handlers. pg-boss takes
 * each job with SELECT … FOR UPDATE SKIP LOCKED, so one instance runs it; a job whose instance
 * died is retried once it expires.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly db: QueueDb;
  private readonly queues = new Map<string, Registration>();
  private readonly attaching: Promise<void>[] = [];
  private state: 'idle' | 'started' | 'stopping' = 'idle';
  private starting?: Promise<void>;

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {
    this.db = new QueueDb(
      { connectionString: databaseUrl, max: POOL_SIZE, application_name: 'accord-jobs' },
      JOBS_SCHEMA,
      this.logger,
    );
    this.boss = new PgBoss({
      db: this.db,
      schema: JOBS_SCHEMA,
      // Maintenance (expiring the jobs of a dead instance, archiving) runs where workers run.
      supervise: config.jobsWorkers,
      schedule: false,
      migrate: true,
      // Finished jobs stay (and keep their singleton key) 12 h before the archive.
      archiveCompletedAfterSeconds: 12 * 3600,
    });
    // pg-boss emits its workers' errors; unhandled, an 'error' event would end the process.
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  /** Whether this instance runs handlers (JOBS_WORKERS). */
  get workers(): boolean {
    return this.config.jobsWorkers;
  }

  /**
   * Declares a queue and its handler. Called before the app starts (onModuleInit), it is attached
   * at start; later, at once (await `ready()` to know it is listening).
   */
  register<T>(queue: string, handler: JobHandler<T>, options: QueueOptions = {}): void {
    if (this.queues.has(queue)) throw new Error(`Job queue ${queue} is registered twice`);
    const registration = { handler, options: { ...QUEUE_DEFAULTS, ...options } };
    this.queues.set(queue, registration);
    if (this.state === 'started') this.track(() => this.attach(queue, registration));
  }

  /** Resolves once the queue has started and every registered queue is attached. */
  async ready(): Promise<void> {
    // Another module's onApplicationBootstrap may come before this one's: start here then.
    await (this.starting ??= this.start());
    await Promise.all(this.attaching);
  }

  /**
   * Sends a job to a registered queue; returns its id, or null when `singletonKey` found the job
   * already there. Inside a transaction (`options.manager`, or the current transactional one) the
   * job is written by that transaction: it exists if and only if the change commits.
   */
  async send<T extends object>(
    queue: string,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (!this.queues.has(queue)) throw new Error(`Job queue ${queue} is not registered`);
    await this.ready();
    const manager =
      options.manager ?? (this.txHost.isTransactionActive() ? this.txHost.tx : undefined);
    return this.boss.send(queue, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey
        ? { id: singletonJobId(queue, options.singletonKey), singletonKey: options.singletonKey }
        : {}),
      ...(manager ? { db: transactionDb(manager) } : {}),
    });
  }

  /**
   * Sends many jobs to one registered queue in one statement (pg-boss `insert`), with the same
   * rules as `send`: the queue's retry policy, singleton keys (a key already there, or twice in
   * the list, creates one job), and the current transaction. A change that notifies hundreds of
   * users thus costs one round trip instead of hundreds.
   */
  async sendMany<T extends object>(
    queue: string,
    jobs: { data: T; startAfter?: Date; singletonKey?: string }[],
    options: Pick<SendOptions, 'manager'> = {},
  ): Promise<void> {
    if (!this.queues.has(queue)) throw new Error(`Job queue ${queue} is not registered`);
    // The first of a key wins, as with `send` one after the other.
    const keys = new Set<string>();
    jobs = jobs.filter(({ singletonKey }) => {
      if (singletonKey === undefined) return true;
      if (keys.has(singletonKey)) return false;
      keys.add(singletonKey);
      return true;
    });
    if (!jobs.length) return;
    await this.ready();
    const manager =
      options.manager ?? (this.txHost.isTransactionActive() ? this.txHost.tx : undefined);
    await this.boss.insert(
      jobs.map(({ data, startAfter, singletonKey }) => ({
        name: queue,
        data,
        // pg-boss reads a startAfter ending in Z as a moment (otherwise as an interval).
        ...(startAfter ? { startAfter: startAfter.toISOString() } : {}),
        ...(singletonKey ? { id: singletonJobId(queue, singletonKey), singletonKey } : {}),
      })),
      manager ? { db: transactionDb(manager) } : {},
    );
  }

  /** For /health/ready: the queue started and its pool answers. */
  readonly readinessProbe = {
    key: 'jobs',
    check: async (): Promise<void> => {
      if (this.state !== 'started') throw new Error(`job queue ${this.state}`);
      try {
        await this.boss.getDb().executeSql('SELECT 1', []);
      } catch (error) {
        // The driver's words (host, database name) are for the operator, not the prober.
        this.logger.warn(`Readiness: job queue database down: ${(error as Error).message}`);
        throw new Error('not reachable', { cause: error });
      }
    },
  };

  onApplicationBootstrap(): Promise<void> {
    this.starting ??= this.start();
    return this.starting;
  }

  /** Before the database pool closes: handlers running finish (up to SHUTDOWN_GRACE). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.state === 'idle') return;
    this.state = 'stopping';
    await this.boss.stop({
      graceful: true,
      wait: true,
      timeout: this.config.shutdownGraceMs,
    });
    // pg-boss closes only a pool of its own; this one is ours (QueueDb).
    await this.db.close();
  }

  private async start(): Promise<void> {
    await this.boss.start();
    this.state = 'started';
    for (const [queue, registration] of this.queues)
      this.track(() => this.attach(queue, registration));
    await Promise.all(this.attaching);
    if (this.workers) this.logger.log(`Job queue started: ${this.queues.size} queues, workers on`);
    else this.logger.log(`Job queue started: workers off (JOBS_WORKERS=false), sending only`);
  }

  /**
   * Queues are attached one after the other: creating one attaches a partition to pg-boss's job
   * table, and two at once deadlock (so does another instance starting: see createQueue).
   */
  private track(attach: () => Promise<void>): void {
    const attaching = (this.attaching.at(-1) ?? Promise.resolve())
      .catch(() => undefined)
      .then(attach);
    attaching.catch((error: Error) => this.logger.error(`Job queue: ${error.message}`));
    this.attaching.push(attaching);
  }

  /** Creates the queue if missing; an instance starting beside this one may deadlock it: retried. */
  private async createQueue(queue: string, options: PgBoss.Queue): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.boss.createQueue(queue, options);
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }

  private async attach(queue: string, { handler, options }: Registration): Promise<void> {
    await this.createQueue(queue, {
      name: queue,
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: options.retryBackoff,
      expireInSeconds: options.expireInSeconds,
    });
    if (!this.workers) return;
    for (let i = 0; i < options.concurrency; i++) {
      const worker: { id?: string } = {};
      worker.id = await this.boss.work<object>(queue, { batchSize: 1 }, async ([job]) => {
        try {
          await handler({ id: job.id, queue, data: job.data });
        } catch (error) {
          this.logger.warn(`Job ${queue} ${job.id} failed: ${(error as Error).message}`);
          throw error;
        } finally {
          // There may be more waiting: fetch again at once rather than after the polling interval.
          if (worker.id) this.boss.notifyWorker(worker.id);
        }
      });
    }
  }
}
