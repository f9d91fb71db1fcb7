import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The general rate limit's counters are written by every request: as a logged table each of
 * those writes was a WAL record and a flushed commit (fsync) per request. Unlogged, a crash of
 * PostgreSQL resets the counters (at worst a client gets a fresh minute), which is a fair
 * price; the login limit (login_rate_limits) stays logged.
 */
export class UnloggedRequestRateLimits1796045000000 implements MigrationInterface {
  name = 'UnloggedRequestRateLimits1796045000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_rate_limits" SET UNLOGGED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_rate_limits" SET LOGGED`);
  }
}
