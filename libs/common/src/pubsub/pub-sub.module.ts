import { Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DATABASE_URL } from '../database/database.tokens';
import { PgPubSub } from './pg-pub-sub';

export const PUB_SUB = Symbol('PUB_SUB');

@Global()
@Module({
  providers: [
    { provide: PUB_SUB, useFactory: (url: string) => new PgPubSub(url), inject: [DATABASE_URL] },
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
