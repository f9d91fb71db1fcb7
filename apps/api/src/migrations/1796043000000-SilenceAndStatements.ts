import { MigrationInterface, QueryRunner } from 'typeorm';

export class SilenceAndStatements1796043000000 implements MigrationInterface {
  name = 'SilenceAndStatements1796043000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."silence_status" AS ENUM('RUNNING', 'BROKEN', 'CONCLUDED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "silence_procedures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "status" "public"."silence_status" NOT NULL, "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "startedById" uuid, "concludedAt" TIMESTAMP WITH TIME ZONE, "cancelledById" uuid, "cancelReason" text, CONSTRAINT "PK_5ba5076f89101ec1cf2be81c924" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_098bf19050cf76c9ccbc0ec4ca" ON "silence_procedures"  ("status", "deadline") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1400b676382001683d4d065e68" ON "silence_procedures"  ("documentId", "startedAt") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "silence_procedures_one_running_per_document" ON "silence_procedures"  ("documentId") WHERE "status" = 'RUNNING'`,
    );
    await queryRunner.query(
      `CREATE TABLE "silence_breaks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "procedureId" uuid NOT NULL, "participantId" uuid NOT NULL, "brokenById" uuid NOT NULL, "brokenAt" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_3099b1a777fe43a80e9a72f31fa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_21a4605398aba4ea1397ffb154" ON "silence_breaks"  ("procedureId", "participantId") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."statement_kind" AS ENUM('GENERAL', 'INTERPRETIVE_DECLARATION', 'RESERVATION', 'OBJECTION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "statements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "participantId" uuid NOT NULL, "kind" "public"."statement_kind" NOT NULL, "text" text NOT NULL, "clauseIds" uuid array NOT NULL DEFAULT '{}', "inResponseToId" uuid, "madeAt" TIMESTAMP WITH TIME ZONE NOT NULL, "madeById" uuid NOT NULL, "withdrawnAt" TIMESTAMP WITH TIME ZONE, "withdrawnById" uuid, CONSTRAINT "PK_7f53bcddeb706df7ea7eec10b8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5db825cc34fcab1900c75a77d0" ON "statements"  ("inResponseToId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4cd59358ef12969fd984c5be0f" ON "statements"  ("documentId", "madeAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "statements_clause_ids" ON "statements" USING gin ("clauseIds")`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD "reservationsAllowed" boolean NOT NULL DEFAULT false`,
    );
    // Statements are public data of a document: caches keyed by its data version must see them.
    await queryRunner.query(
      `CREATE TRIGGER "statements_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "statements" FOR EACH ROW EXECUTE FUNCTION "document_data_changed"()`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_procedures" ADD CONSTRAINT "FK_43b7ed0349e68f4fdca9e01cc47" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_procedures" ADD CONSTRAINT "FK_ebbb3c506412b9f2dab666ca798" FOREIGN KEY ("startedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_breaks" ADD CONSTRAINT "FK_792d96aa1256cc80c908c963569" FOREIGN KEY ("procedureId") REFERENCES "silence_procedures"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_breaks" ADD CONSTRAINT "FK_aea216d56bb4c45c492032e74d3" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_breaks" ADD CONSTRAINT "FK_c914078fb0ad46c607eb95fbf10" FOREIGN KEY ("brokenById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_f7c6924a36588e38724efcc8c4d" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_e4b7673091a3b592eb28e2d70ff" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_5db825cc34fcab1900c75a77d01" FOREIGN KEY ("inResponseToId") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" ADD CONSTRAINT "FK_1bc66f880d65a94c471095eb37f" FOREIGN KEY ("madeById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "statements" DROP CONSTRAINT "FK_1bc66f880d65a94c471095eb37f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" DROP CONSTRAINT "FK_5db825cc34fcab1900c75a77d01"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" DROP CONSTRAINT "FK_e4b7673091a3b592eb28e2d70ff"`,
    );
    await queryRunner.query(
      `ALTER TABLE "statements" DROP CONSTRAINT "FK_f7c6924a36588e38724efcc8c4d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_breaks" DROP CONSTRAINT "FK_c914078fb0ad46c607eb95fbf10"`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_breaks" DROP CONSTRAINT "FK_aea216d56bb4c45c492032e74d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_breaks" DROP CONSTRAINT "FK_792d96aa1256cc80c908c963569"`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_procedures" DROP CONSTRAINT "FK_ebbb3c506412b9f2dab666ca798"`,
    );
    await queryRunner.query(
      `ALTER TABLE "silence_procedures" DROP CONSTRAINT "FK_43b7ed0349e68f4fdca9e01cc47"`,
    );
    await queryRunner.query(`DROP TRIGGER "statements_data_changed" ON "statements"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "reservationsAllowed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4cd59358ef12969fd984c5be0f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5db825cc34fcab1900c75a77d0"`);
    await queryRunner.query(`DROP INDEX "public"."statements_clause_ids"`);
    await queryRunner.query(`DROP TABLE "statements"`);
    await queryRunner.query(`DROP TYPE "public"."statement_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21a4605398aba4ea1397ffb154"`);
    await queryRunner.query(`DROP TABLE "silence_breaks"`);
    await queryRunner.query(`DROP INDEX "public"."silence_procedures_one_running_per_document"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1400b676382001683d4d065e68"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_098bf19050cf76c9ccbc0ec4ca"`);
    await queryRunner.query(`DROP TABLE "silence_procedures"`);
    await queryRunner.query(`DROP TYPE "public"."silence_status"`);
  }
}
