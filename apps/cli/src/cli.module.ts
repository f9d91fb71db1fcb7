import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  CompiledReadsModule,
  ConfigModule,
  DatabaseModule,
  PubSubModule,
} from '@accord/common';
import { AuditModule } from '@accord/audit';
import { AuthModule } from '@accord/auth';
import { JobsModule } from '@accord/jobs';
import { NotificationsModule } from '@accord/notifications';
import { dataSourceOptions } from '../../api/src/database/data-source-options';
import { SeedModule } from '../../api/src/seed/seed.module';

/**
 * The API's modules without HTTP or GraphQL: the same services, rules, transactions and audit
 * trail, in a Nest application context (migrations run at its start, as the API's do).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        // The CLI queues emails (a reset link, the demo's invitations); the API's workers send them.
        ConfigModule.forRoot({ ...config, jobsWorkers: false }),
        DatabaseModule.forRoot(
          dataSourceOptions(databaseUrl, {
            statementTimeoutMs: config.dbStatementTimeoutMs,
            connectTimeoutMs: config.dbConnectTimeoutMs,
          }),
        ),
        // The domain modules publish their events after commit (subscribers of a running API get them).
        PubSubModule,
        CompiledReadsModule,
        JobsModule,
        NotificationsModule,
        AuditModule,
        AuthModule,
        SeedModule,
      ],
    };
  }
}
