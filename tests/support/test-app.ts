import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AppConfig, loadConfig } from '@accord/common';
import { SessionsService } from '@accord/auth';
import { Server } from 'node:http';
import pino, { DestinationStream } from 'pino';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/bootstrap';
import { NestPinoLogger } from '../../apps/api/src/logging/nest-pino-logger';
import { createRootLogger } from '../../apps/api/src/logging/root-logger';
import { createTestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; field?: string; [key: string]: unknown };
  }[];
}

export interface TestApp {
  app: NestExpressApplication;
  http: Server;
  dataSource: DataSource;
  databaseUrl: string;
  /** http://127.0.0.1:<port> of this app (it listens, for WebSocket tests). */
  baseUrl: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** An access token of a fresh, real session of this user (as if they had logged in). */
  tokenFor(userId: string): Promise<string>;
  get<T>(type: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The real app on its own fresh database (a copy of the migrated template). `logs`: where
 * its JSON log lines go (all of them: Nest's, the access lines, the errors'), at
 * `overrides.logLevel`; without it, only Nest's errors reach the console.
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  database?: { url: string; drop(): Promise<void> },
  logs?: DestinationStream,
): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const config: AppConfig = {
    ...loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      SEED_DEMO: 'false',
      // Emails without an SMTP_URL land in DATA_DIR/mailbox: outside the working tree.
      DATA_DIR: join(tmpdir(), 'accord-test-data'),
      LOG_LEVEL: 'error',
      // Test files send hundreds of requests from 127.0.0.1; rate-limit tests set a low one.
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    ...overrides,
  };
  // Without `logs`, access lines stay out of the test output (Nest's errors still print).
  const rootLogger = logs ? createRootLogger(config, logs) : pino({ level: 'silent' });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, db.url, rootLogger),
    { logger: logs ? new NestPinoLogger(rootLogger) : ['error'], bodyParser: false },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const http = app.getHttpServer() as Server;
  const { port } = http.address() as AddressInfo;
  const sessions = app.get(SessionsService);
  return {
    app,
    http,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    databaseUrl: db.url,
    baseUrl: `http://127.0.0.1:${port}`,
    async gql(query, variables = {}, token = null) {
      const req = request(http).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body.data ?? null, errors: res.body.errors };
    },
    tokenFor: async (userId) =>
      (await sessions.start({ id: userId }, { userAgent: 'test', ipAddress: '127.0.0.1' }))
        .accessToken,
    get: (type) => app.get(type),
    async close() {
      await app.close();
      if (!database) await db.drop();
    },
  };
}
