import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSourceOptions } from 'typeorm';
import { DATABASE_URL } from './database.tokens';
import { scopeTransactionContext } from './transaction-context-scope';

/**
 * TypeORM on PostgreSQL with migrations run at start (never synchronize), and one transaction
 * mechanism for the whole app: @nestjs-cls/transactional, so that a change and its audit event
 * commit together. Its async context is kept on only while a transaction runs (see
 * transaction-context-scope.ts): reads do not pay for it.
 */
@Global()
@Module({})
export class DatabaseModule implements OnModuleInit {
  static forRoot(options: DataSourceOptions & { url: string }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...options, migrationsRun: true, synchronize: false }),
        ClsModule.forRoot({
          global: true,
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      providers: [{ provide: DATABASE_URL, useValue: options.url }],
      exports: [DATABASE_URL],
    };
  }

  onModuleInit(): void {
    scopeTransactionContext();
  }
}
