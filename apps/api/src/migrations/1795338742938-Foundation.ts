import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795338742938 implements MigrationInterface {
  name = 'Foundation1795338742938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actorId" uuid, "participantId" uuid, "action" character varying(100) NOT NULL, "entityType" character varying(100) NOT NULL, "entityId" character varying(200), "details" jsonb NOT NULL DEFAULT '{}', "hash" character(64) NOT NULL, "prevHash" character(64), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3db222afb071daf9949527a194" ON "audit_events"  ("entityId") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."platform_role" AS ENUM('ADMIN', 'SECRETARIAT', 'NONE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "displayName" character varying(200) NOT NULL, "passwordHash" character varying(200) NOT NULL, "platformRole" "public"."platform_role" NOT NULL DEFAULT 'NONE', "disabledAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."participant_kind" AS ENUM('STATE', 'COMPANY', 'INTERNATIONAL_ORGANISATION', 'CIVIL_SOCIETY', 'ACADEMIA')`,
    );
    await queryRunner.query(
      `CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."participant_kind" NOT NULL, "name" character varying(200) NOT NULL, "shortName" character varying(50), "countryCode" character(2), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "participants_state_country_unique" ON "participants"  ("countryCode") WHERE "kind" = 'STATE'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_160ca0579c3a53f2cd0f4dd447" ON "participants"  ("name", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."delegation_role" AS ENUM('HEAD_OF_DELEGATION', 'DELEGATE', 'OBSERVER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "delegation_memberships" ("userId" uuid NOT NULL, "participantId" uuid NOT NULL, "role" "public"."delegation_role" NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d9a7715e7bfa3522ee47cb100e" PRIMARY KEY ("userId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_87eb68a8c1e1d7d1b8a84e7933" ON "delegation_memberships"  ("participantId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_memberships" ADD CONSTRAINT "FK_1d9a7715e7bfa3522ee47cb100e" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_memberships" ADD CONSTRAINT "FK_87eb68a8c1e1d7d1b8a84e7933e" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: what entities cannot express.
    // Participant names are unique regardless of case.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "participants_name_ci_unique" ON "participants" (lower("name"))`,
    );
    // Login counters of rate-limiter-flexible (its own table layout), shared by every API instance.
    await queryRunner.query(
      `CREATE TABLE "login_rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
    // The audit trail is append-only for the application: changing history needs a deliberate act.
    await queryRunner.query(
      `CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_events_append_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_append_only"()`);
    await queryRunner.query(`DROP TABLE "login_rate_limits"`);
    await queryRunner.query(`DROP INDEX "public"."participants_name_ci_unique"`);
    await queryRunner.query(
      `ALTER TABLE "delegation_memberships" DROP CONSTRAINT "FK_87eb68a8c1e1d7d1b8a84e7933e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_memberships" DROP CONSTRAINT "FK_1d9a7715e7bfa3522ee47cb100e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_87eb68a8c1e1d7d1b8a84e7933"`);
    await queryRunner.query(`DROP TABLE "delegation_memberships"`);
    await queryRunner.query(`DROP TYPE "public"."delegation_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_160ca0579c3a53f2cd0f4dd447"`);
    await queryRunner.query(`DROP INDEX "public"."participants_state_country_unique"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP TYPE "public"."participant_kind"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."platform_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3db222afb071daf9949527a194"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
