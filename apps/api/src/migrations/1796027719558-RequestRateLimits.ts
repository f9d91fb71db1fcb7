import { MigrationInterface, QueryRunner } from 'typeorm';

/** Counters of the general per-client rate limit (rate-limiter-flexible's layout), shared by every instance. */
export class RequestRateLimits1796027719558 implements MigrationInterface {
  name = 'RequestRateLimits1796027719558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_rate_limits"`);
  }
}
