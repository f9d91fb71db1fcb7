import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { TransactionHost, TypeOrmAdapter } from './transaction-host';

/**
 * Plain rows of a statement run on every request (the caller's session, a compiled read), as
 * a named prepared statement: each pooled connection plans it once instead of on every call
 * (planning the session statement costs three times its execution). Inside a transaction the
 * transaction's connection runs it, unprepared.
 */
@Injectable()
export class PreparedRows {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TypeOrmAdapter>,
  ) {}

  /** `name` must stand for this `sql` only, for the life of the process. */
  async query<T>(name: string | undefined, sql: string, params: unknown[]): Promise<T[]> {
    if (this.txHost.isTransactionActive() || !name)
      return (await this.txHost.tx.query(sql, params)) as T[];
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query({ name, text: sql, values: params })).rows as T[];
  }
}
