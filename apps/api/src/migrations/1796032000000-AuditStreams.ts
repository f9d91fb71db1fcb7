import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partitions the audit chain into streams (see docs/audit.md). Existing events keep their hashes:
 * they all become the first events of the `platform` stream, in id order (seq 1..n), marked
 * hashVersion 1, so the chain they formed, and every checkpoint signed over it, still verifies;
 * new platform events continue that chain. Existing checkpoints become version 1.
 */
export class AuditStreams1796032000000 implements MigrationInterface {
  name = 'AuditStreams1796032000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD "stream" character varying(100), ADD "seq" bigint, ADD "hashVersion" smallint NOT NULL DEFAULT '1'`,
    );
    // The one deliberate rewrite of the trail: placing past events, not changing what they say.
    await queryRunner.query(
      `ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only"`,
    );
    await queryRunner.query(
      `UPDATE "audit_events" e SET "stream" = 'platform', "seq" = n.seq
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM "audit_events") n WHERE n.id = e.id`,
    );
    await queryRunner.query(`ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only"`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" ALTER COLUMN "stream" SET NOT NULL, ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "hashVersion" SET DEFAULT '2'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_audit_events_stream_seq" ON "audit_events" ("stream", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_streams" ("stream" character varying(100) NOT NULL, "seq" bigint NOT NULL, "headId" bigint, "headHash" character(64), CONSTRAINT "PK_audit_streams" PRIMARY KEY ("stream"))`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_streams" ("stream", "seq", "headId", "headHash")
       SELECT 'platform', "seq", id, hash FROM "audit_events" ORDER BY id DESC LIMIT 1`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_checkpointed_heads" ("stream" character varying(100) NOT NULL, "seq" bigint NOT NULL, CONSTRAINT "PK_audit_checkpointed_heads" PRIMARY KEY ("stream"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_checkpoints" ADD "version" smallint NOT NULL DEFAULT '1', ADD "heads" jsonb, ADD "prevMac" character(64)`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_checkpoints" ALTER COLUMN "version" SET DEFAULT '2'`,
    );
  }

  /** Back to one chain: only right while every event is still hashVersion 1. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_checkpoints" DROP COLUMN "prevMac", DROP COLUMN "heads", DROP COLUMN "version"`,
    );
    await queryRunner.query(`DROP TABLE "audit_checkpointed_heads"`);
    await queryRunner.query(`DROP TABLE "audit_streams"`);
    await queryRunner.query(`DROP INDEX "UQ_audit_events_stream_seq"`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" DROP COLUMN "hashVersion", DROP COLUMN "seq", DROP COLUMN "stream"`,
    );
  }
}
