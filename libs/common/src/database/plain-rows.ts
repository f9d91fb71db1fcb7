import { EntityManager } from 'typeorm';

/**
 * Rows as the driver returns them, without TypeORM's entity hydration: the hot list reads
 * (loaders of a draft's clauses, amendments, comments; signatures; members) read thousands of
 * rows per request, and hydration costs several objects per row. Callers name the columns
 * (quoted camelCase, as the entities map them) so that a row has the entity's shape, and pass
 * a key list as ONE array parameter (`= ANY($1)`), not a long IN list.
 */
export function plainRows<T>(
  manager: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  return manager.query(sql, [...params]) as Promise<T[]>;
}
