import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcessModel1795339183093 implements MigrationInterface {
  name = 'ProcessModel1795339183093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."document_kind" AS ENUM('DECLARATION', 'CODE_OF_PRACTICE', 'STATEMENT', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."document_status" AS ENUM('DRAFT', 'NEGOTIATION', 'ADOPTED', 'OPEN_FOR_SIGNATURE', 'CLOSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "title" character varying(500) NOT NULL, "kind" "public"."document_kind" NOT NULL, "status" "public"."document_status" NOT NULL DEFAULT 'DRAFT', "eligibleKinds" "public"."participant_kind" array NOT NULL, "currentVersion" integer NOT NULL DEFAULT '0', "adoptedAt" TIMESTAMP WITH TIME ZONE, "adoptedHash" character(64), "adoptedVersion" integer, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_06f1e6b2d31b55696c2899a64d4" UNIQUE ("slug"), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."clause_kind" AS ENUM('HEADING', 'PREAMBULAR', 'OPERATIVE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "clauses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "position" integer NOT NULL, "kind" "public"."clause_kind" NOT NULL, "text" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "deletedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_60852d3293ff91d684631a1a905" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7e608b55d4da26cf52a20cedc8" ON "clauses"  ("documentId", "position") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."amendment_kind" AS ENUM('REPLACE', 'INSERT_AFTER', 'DELETE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."amendment_status" AS ENUM('PROPOSED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "amendments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "clauseId" uuid NOT NULL, "kind" "public"."amendment_kind" NOT NULL, "text" text, "rationale" text, "status" "public"."amendment_status" NOT NULL DEFAULT 'PROPOSED', "proposerId" uuid NOT NULL, "proposedById" uuid NOT NULL, "baseClauseVersion" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decidedAt" TIMESTAMP WITH TIME ZONE, "decidedById" uuid, "decisionNote" text, CONSTRAINT "PK_232751b4529e81fd8a6b2847ace" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_03c034d7fd774e79d14ca16b78" ON "amendments"  ("clauseId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_368bfa78790881bb250ec30b7a" ON "amendments"  ("documentId", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "amendment_cosponsors" ("amendmentId" uuid NOT NULL, "participantId" uuid NOT NULL, "cosponsoredById" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4dae3cb3862f410be25116beebb" PRIMARY KEY ("amendmentId", "participantId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "clauseId" uuid NOT NULL, "documentId" uuid NOT NULL, "parentId" uuid, "authorId" uuid NOT NULL, "participantId" uuid, "body" text NOT NULL, "resolved" boolean NOT NULL DEFAULT false, "resolvedAt" TIMESTAMP WITH TIME ZONE, "resolvedById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8770bd9030a3d13c5f79a7d2e8" ON "comments"  ("parentId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_615d1895e2b710689ad4ff7e39" ON "comments"  ("clauseId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "number" integer NOT NULL, "createdById" uuid, "reason" character varying(500) NOT NULL, "hash" character(64) NOT NULL, "text" text NOT NULL, "clauses" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_df2908111db96b22cd6abd7b529" UNIQUE ("documentId", "number"), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_status" AS ENUM('PLANNED', 'CONFIRMED', 'CONCLUDED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(500) NOT NULL, "city" character varying(200) NOT NULL, "venue" character varying(500), "timezone" character varying(64) NOT NULL, "startsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "endsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."meeting_status" NOT NULL DEFAULT 'PLANNED', "previousMeetingId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_698cb5784d2ee997d96a5b663e" UNIQUE ("previousMeetingId"), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."action_item_status" AS ENUM('OPEN', 'DONE')`);
    await queryRunner.query(
      `CREATE TABLE "action_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(500) NOT NULL, "ownerId" uuid, "raisedAtId" uuid NOT NULL, "dueAtId" uuid, "status" "public"."action_item_status" NOT NULL DEFAULT 'OPEN', "completedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d5a100dfaaf70a92ab135276da" ON "action_items"  ("raisedAtId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b5a92261d8856381d22cb4278b" ON "action_items"  ("dueAtId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agendas" ("meetingId" uuid NOT NULL, "version" integer NOT NULL, "items" jsonb NOT NULL, "warnings" jsonb NOT NULL DEFAULT '[]', "createdById" uuid, "reason" character varying(200) NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "publishedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3add36b75d647fef0b246045805" PRIMARY KEY ("meetingId", "version"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."invitation_status" AS ENUM('INVITED', 'ACCEPTED', 'DECLINED', 'ATTENDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "invitations" ("meetingId" uuid NOT NULL, "participantId" uuid NOT NULL, "status" "public"."invitation_status" NOT NULL DEFAULT 'INVITED', "respondedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6636110cc3c3f023fd93a1a39a1" PRIMARY KEY ("meetingId", "participantId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a5f844e84c3457632a6880e884" ON "invitations"  ("participantId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_hosts" ("meetingId" uuid NOT NULL, "participantId" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_79a4493879db19230cdd7d89fb3" PRIMARY KEY ("meetingId", "participantId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "signatures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "participantId" uuid NOT NULL, "signedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "signedById" uuid, "recordedById" uuid, "meetingId" uuid, "textHash" character(64) NOT NULL, "statement" text, "withdrawnAt" TIMESTAMP WITH TIME ZONE, "withdrawalReason" text, "withdrawnById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f56eb3cd344ce7f9ae28ce814eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5fe54cf0354058ecc74450e213" ON "signatures"  ("participantId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "signatures_one_active_per_participant" ON "signatures"  ("documentId", "participantId") WHERE "withdrawnAt" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "clauses" ADD CONSTRAINT "FK_a759030d65450924d2170e0c56d" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendments" ADD CONSTRAINT "FK_39c22ef9dc33e2bc334c4a24cdb" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendments" ADD CONSTRAINT "FK_03c034d7fd774e79d14ca16b788" FOREIGN KEY ("clauseId") REFERENCES "clauses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendments" ADD CONSTRAINT "FK_9ea810573f97d5a0e5bdda24a70" FOREIGN KEY ("proposerId") REFERENCES "participants"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendment_cosponsors" ADD CONSTRAINT "FK_029ccebe4624f6264cedfbfe0bc" FOREIGN KEY ("amendmentId") REFERENCES "amendments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendment_cosponsors" ADD CONSTRAINT "FK_38a652a0d9a602d5ee064cadb83" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "FK_615d1895e2b710689ad4ff7e394" FOREIGN KEY ("clauseId") REFERENCES "clauses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "FK_8770bd9030a3d13c5f79a7d2e81" FOREIGN KEY ("parentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "FK_4548cc4a409b8651ec75f70e280" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "FK_4ea14bf55da75a8c3997e745a28" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_698cb5784d2ee997d96a5b663e2" FOREIGN KEY ("previousMeetingId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "FK_d3b8d2ee4cecd496e7e83288b2e" FOREIGN KEY ("ownerId") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "FK_d5a100dfaaf70a92ab135276dac" FOREIGN KEY ("raisedAtId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "FK_b5a92261d8856381d22cb4278be" FOREIGN KEY ("dueAtId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agendas" ADD CONSTRAINT "FK_31836969a09b02f8d0c38fab60b" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_715cd7b2f0fdfb4c08b87be1e1a" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_a5f844e84c3457632a6880e8840" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_hosts" ADD CONSTRAINT "FK_e67c6e12c334492f05457dec138" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_hosts" ADD CONSTRAINT "FK_825311e2cbc9655bb0e3e8941e7" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signatures" ADD CONSTRAINT "FK_7be2557c5208359daf74f35a772" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signatures" ADD CONSTRAINT "FK_5fe54cf0354058ecc74450e2130" FOREIGN KEY ("participantId") REFERENCES "participants"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signatures" ADD CONSTRAINT "FK_39a878dbca77eb6a122fe919936" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "signatures" DROP CONSTRAINT "FK_39a878dbca77eb6a122fe919936"`,
    );
    await queryRunner.query(
      `ALTER TABLE "signatures" DROP CONSTRAINT "FK_5fe54cf0354058ecc74450e2130"`,
    );
    await queryRunner.query(
      `ALTER TABLE "signatures" DROP CONSTRAINT "FK_7be2557c5208359daf74f35a772"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_hosts" DROP CONSTRAINT "FK_825311e2cbc9655bb0e3e8941e7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_hosts" DROP CONSTRAINT "FK_e67c6e12c334492f05457dec138"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" DROP CONSTRAINT "FK_a5f844e84c3457632a6880e8840"`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" DROP CONSTRAINT "FK_715cd7b2f0fdfb4c08b87be1e1a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agendas" DROP CONSTRAINT "FK_31836969a09b02f8d0c38fab60b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" DROP CONSTRAINT "FK_b5a92261d8856381d22cb4278be"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" DROP CONSTRAINT "FK_d5a100dfaaf70a92ab135276dac"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" DROP CONSTRAINT "FK_d3b8d2ee4cecd496e7e83288b2e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" DROP CONSTRAINT "FK_698cb5784d2ee997d96a5b663e2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" DROP CONSTRAINT "FK_4ea14bf55da75a8c3997e745a28"`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" DROP CONSTRAINT "FK_4548cc4a409b8651ec75f70e280"`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" DROP CONSTRAINT "FK_8770bd9030a3d13c5f79a7d2e81"`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" DROP CONSTRAINT "FK_615d1895e2b710689ad4ff7e394"`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendment_cosponsors" DROP CONSTRAINT "FK_38a652a0d9a602d5ee064cadb83"`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendment_cosponsors" DROP CONSTRAINT "FK_029ccebe4624f6264cedfbfe0bc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendments" DROP CONSTRAINT "FK_9ea810573f97d5a0e5bdda24a70"`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendments" DROP CONSTRAINT "FK_03c034d7fd774e79d14ca16b788"`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendments" DROP CONSTRAINT "FK_39c22ef9dc33e2bc334c4a24cdb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "clauses" DROP CONSTRAINT "FK_a759030d65450924d2170e0c56d"`,
    );
    await queryRunner.query(`DROP INDEX "public"."signatures_one_active_per_participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5fe54cf0354058ecc74450e213"`);
    await queryRunner.query(`DROP TABLE "signatures"`);
    await queryRunner.query(`DROP TABLE "meeting_hosts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a5f844e84c3457632a6880e884"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP TYPE "public"."invitation_status"`);
    await queryRunner.query(`DROP TABLE "agendas"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5a92261d8856381d22cb4278b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5a100dfaaf70a92ab135276da"`);
    await queryRunner.query(`DROP TABLE "action_items"`);
    await queryRunner.query(`DROP TYPE "public"."action_item_status"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_status"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_615d1895e2b710689ad4ff7e39"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8770bd9030a3d13c5f79a7d2e8"`);
    await queryRunner.query(`DROP TABLE "comments"`);
    await queryRunner.query(`DROP TABLE "amendment_cosponsors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_368bfa78790881bb250ec30b7a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03c034d7fd774e79d14ca16b78"`);
    await queryRunner.query(`DROP TABLE "amendments"`);
    await queryRunner.query(`DROP TYPE "public"."amendment_status"`);
    await queryRunner.query(`DROP TYPE "public"."amendment_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e608b55d4da26cf52a20cedc8"`);
    await queryRunner.query(`DROP TABLE "clauses"`);
    await queryRunner.query(`DROP TYPE "public"."clause_kind"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP TYPE "public"."document_status"`);
    await queryRunner.query(`DROP TYPE "public"."document_kind"`);
  }
}
