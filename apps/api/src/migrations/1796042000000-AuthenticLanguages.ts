import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authentic languages (issue 12): a document's languages (the first is the language of
 * negotiation; existing documents are English), its title in the other languages, one row per
 * clause and other language with the clause version it was translated from, and on each version
 * the languages and titles its canonical text covered.
 */
export class AuthenticLanguages1796042000000 implements MigrationInterface {
  name = 'AuthenticLanguages1796042000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clause_translations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "clauseId" uuid NOT NULL, "documentId" uuid NOT NULL, "language" character varying(12) NOT NULL, "text" text NOT NULL, "sourceVersion" integer NOT NULL, "updatedById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0dffdb8e314d4a1b7934019968c" UNIQUE ("clauseId", "language"), CONSTRAINT "PK_12c5060f2ae8a249cddbc42377a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2289900b18bb13bb8ab10c4d9a" ON "clause_translations"  ("documentId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD "languages" character varying(12) array NOT NULL DEFAULT '{en}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD "titleTranslations" jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD "languages" character varying(12) array NOT NULL DEFAULT '{en}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD "titles" jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_translations" ADD CONSTRAINT "FK_6dfe01080dc8a4d0763ef0dad5f" FOREIGN KEY ("clauseId") REFERENCES "clauses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_translations" ADD CONSTRAINT "FK_2289900b18bb13bb8ab10c4d9ad" FOREIGN KEY ("documentId") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "clause_translations" DROP CONSTRAINT "FK_2289900b18bb13bb8ab10c4d9ad"`,
    );
    await queryRunner.query(
      `ALTER TABLE "clause_translations" DROP CONSTRAINT "FK_6dfe01080dc8a4d0763ef0dad5f"`,
    );
    await queryRunner.query(`ALTER TABLE "document_versions" DROP COLUMN "titles"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP COLUMN "languages"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "titleTranslations"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "languages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2289900b18bb13bb8ab10c4d9a"`);
    await queryRunner.query(`DROP TABLE "clause_translations"`);
  }
}
