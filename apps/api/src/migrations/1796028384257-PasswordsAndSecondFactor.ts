import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordsAndSecondFactor1796028384257 implements MigrationInterface {
  name = 'PasswordsAndSecondFactor1796028384257';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "codeHash" character(64) NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0723b9e53961e799027d7f7ba32" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8ee959087728f17dac81cb93dd" ON "recovery_codes"  ("userId", "codeHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "totp_credentials" ("userId" uuid NOT NULL, "sealedSecret" character varying(200) NOT NULL, "enabledAt" TIMESTAMP WITH TIME ZONE, "lastUsedStep" bigint, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acc3822c58b7f186d6e18bfbac5" PRIMARY KEY ("userId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "password_reset_tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "userId" uuid NOT NULL, "tokenHash" character(64) NOT NULL, "issuedById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, "revokedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_7ef7d3b92b0e0c4fbf25602515f" UNIQUE ("tokenHash"), CONSTRAINT "PK_009fc36c883bfac70b6fe6160f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2ca1228831e4b8ae735eb216b5" ON "password_reset_tickets"  ("userId") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "lastLoginAt" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD "language" character varying(35) NOT NULL DEFAULT 'en'`,
    );
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "passwordHash" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "recovery_codes" ADD CONSTRAINT "FK_5ab5f51b1ca8fcc0073d76fd3d9" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "totp_credentials" ADD CONSTRAINT "FK_acc3822c58b7f186d6e18bfbac5" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_reset_tickets" ADD CONSTRAINT "FK_2ca1228831e4b8ae735eb216b5f" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "password_reset_tickets" DROP CONSTRAINT "FK_2ca1228831e4b8ae735eb216b5f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "totp_credentials" DROP CONSTRAINT "FK_acc3822c58b7f186d6e18bfbac5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_codes" DROP CONSTRAINT "FK_5ab5f51b1ca8fcc0073d76fd3d9"`,
    );
    // Hand-written: users still without a password get a hash that matches nothing.
    await queryRunner.query(`UPDATE "users" SET "passwordHash" = '!' WHERE "passwordHash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "passwordHash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "lastLoginAt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2ca1228831e4b8ae735eb216b5"`);
    await queryRunner.query(`DROP TABLE "password_reset_tickets"`);
    await queryRunner.query(`DROP TABLE "totp_credentials"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ee959087728f17dac81cb93dd"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
  }
}
