import type PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

/** pg-boss's `db` option over a TypeORM transaction: its statements run in that transaction. */
export function transactionDb(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as any[] }),
  };
}
