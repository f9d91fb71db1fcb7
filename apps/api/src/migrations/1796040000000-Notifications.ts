import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796040000000 implements MigrationInterface {
  name = 'Notifications1796040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('MEETING_INVITATION', 'AGENDA_PUBLISHED', 'SILENCE_STARTED', 'SILENCE_BROKEN', 'SILENCE_CONCLUDED', 'DOCUMENT_ADOPTED', 'DOCUMENT_OPEN_FOR_SIGNATURE', 'SIGNATURE_RECORDED', 'AMENDMENT_PROPOSED', 'COMMENT_REPLY', 'ACCOUNT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."delivery_status" AS ENUM('PENDING', 'SENT', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."notification_kind" NOT NULL, "eventKey" character varying(200) NOT NULL, "recipientId" uuid NOT NULL, "email" character varying(254) NOT NULL, "language" character varying(35) NOT NULL, "meetingId" uuid, "documentId" uuid, "subject" character varying(500) NOT NULL, "textBody" text NOT NULL, "htmlBody" text NOT NULL, "attachments" jsonb NOT NULL DEFAULT '[]', "digest" boolean NOT NULL DEFAULT false, "status" "public"."delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "lastError" character varying(1000), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sentAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_87d03dd551ea0fb2d5a7410152" ON "notification_deliveries"  ("eventKey", "recipientId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5f06ecc6be7b4b4534fce7c126" ON "notification_deliveries"  ("documentId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dc27a95f676f33e7ae0e3b5bad" ON "notification_deliveries"  ("meetingId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_135df3f87b4cd5c07d3ef2cbae" ON "notification_deliveries"  ("recipientId", "createdAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("userId" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "email" boolean NOT NULL, CONSTRAINT "PK_1e81301b37e3854c0ad13a8b3a8" PRIMARY KEY ("userId", "kind"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_135df3f87b4cd5c07d3ef2cbae"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc27a95f676f33e7ae0e3b5bad"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5f06ecc6be7b4b4534fce7c126"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87d03dd551ea0fb2d5a7410152"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TYPE "public"."delivery_status"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
  }
}
