import { Logger as NestLogger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's logs through Nest's logger, never with query parameters (they may hold secrets such
 * as password hashes). A failed query is usually an expected outcome (a unique violation that
 * becomes CONFLICT) and is logged at debug; unexpected ones are logged by the error formatter.
 */
export class TypeOrmNestLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Queries are not logged: too many, and with their parameters.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug(
      `Query failed (${error instanceof Error ? error.message : error}): ${query.slice(0, 200)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
