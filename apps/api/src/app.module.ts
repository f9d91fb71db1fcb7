import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import type { Logger } from 'pino';
import {
  AppConfig,
  CompiledReadsModule,
  ConfigModule,
  DatabaseModule,
  PubSubModule,
} from '@accord/common';
import { AuditModule } from '@accord/audit';
import { AuthModule } from '@accord/auth';
import { DraftingModule } from '@accord/drafting';
import { JobsModule, JobsService } from '@accord/jobs';
import { MeetingsModule } from '@accord/meetings';
import { NotificationsModule } from '@accord/notifications';
import { ParticipantsModule } from '@accord/participants';
import { PublishingModule } from '@accord/publishing';
import { SignaturesModule } from '@accord/signatures';
import { dataSourceOptions } from './database/data-source-options';
import { graphqlOptions } from './graphql/graphql-options';
import { GraphqlWsServer } from './graphql/graphql-ws.server';
import { RequestRateLimiter } from './http/request-rate-limiter';
import { HealthController } from './health/health.controller';
import { READINESS_PROBES } from './health/readiness-probe';
import { createRootLogger, ROOT_LOGGER } from './logging/root-logger';
import { MetricsServer } from './metrics/metrics-server';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { SeedModule } from './seed/seed.module';

@Module({})
export class AppModule {
  /**
   * `databaseUrl`: DATABASE_URL, or the embedded server's once it is up. `logger`: the
   * process's root logger (bootstrap's; tests pass one writing where they read).
   */
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    logger: Logger = createRootLogger(config),
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(
          dataSourceOptions(databaseUrl, {
            statementTimeoutMs: config.dbStatementTimeoutMs,
            connectTimeoutMs: config.dbConnectTimeoutMs,
          }),
        ),
        PubSubModule,
        CompiledReadsModule,
        JobsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [ModuleRef],
          useFactory: graphqlOptions,
        }),
        AuditModule,
        AuthModule,
        ParticipantsModule,
        DraftingModule,
        SignaturesModule,
        MeetingsModule,
        PublishingModule,
        NotificationsModule,
        SeedModule,
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        GraphqlWsServer,
        RequestRateLimiter,
        MetricsService,
        MetricsServer,
        { provide: ROOT_LOGGER, useValue: logger },
        {
          provide: READINESS_PROBES,
          inject: [JobsService],
          useFactory: (jobs: JobsService) => [jobs.readinessProbe],
        },
      ],
    };
  }
}
