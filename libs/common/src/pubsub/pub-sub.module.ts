import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DATABASE_URL } from '../database/database.tokens';
import { PgPubSub } from './pg-pub-sub';

export const PUB_SUB = Symbol('PUB_SUB');

@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      useFactory: (url: string, config: AppConfig) =>
        new PgPubSub(url, {
          statementTimeoutMs: config.dbStatementTimeoutMs,
          connectTimeoutMs: config.dbConnectTimeoutMs,
        }),
      inject: [DATABASE_URL, APP_CONFIG],
    },
  ],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PgPubSub) {}

  onModuleInit(): Promise<void> {
    return this.pubSub.connect();
  }

  onApplicationShutdown(): Promise<void> {
    return this.pubSub.close();
  }
}
