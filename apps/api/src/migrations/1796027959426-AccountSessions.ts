import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSessions1796027959426 implements MigrationInterface {
  name = 'AccountSessions1796027959426';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "refreshTokenHash" character(64) NOT NULL, "previousRefreshHashes" character(64) array NOT NULL DEFAULT '{}', "rotationCount" integer NOT NULL DEFAULT '0', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lastUsedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "revokedAt" TIMESTAMP WITH TIME ZONE, "revokedReason" character varying(40), "userAgent" character varying(500), "ipAddress" character varying(64), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9196001b8dcee41be3c82a1e20" ON "sessions"  ("userId", "revokedAt") `,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: login attempt counters (keys are SHA-256 of address and account), shared by
    // every API instance; they replace rate-limiter-flexible's table.
    await queryRunner.query(`DROP TABLE "login_rate_limits"`);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" character(64) PRIMARY KEY, "attempts" integer NOT NULL, "lastAttemptAt" TIMESTAMP WITH TIME ZONE NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(
      `CREATE TABLE "login_rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_9196001b8dcee41be3c82a1e20"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
  }
}
