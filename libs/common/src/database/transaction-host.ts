import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/**
 * Repositories and services inject `TransactionHost<TypeOrmAdapter>` (the class itself, so that
 * Nest can resolve it); `txHost.tx` is the current transaction's EntityManager.
 */
export type TypeOrmAdapter = TransactionalAdapterTypeOrm;
export { TransactionHost };
