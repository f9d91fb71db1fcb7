import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per document that moves with every change of what a public read of it shows (its
 * row and its signatures; a change of its text updates the row's currentVersion, and the text
 * of a public document is frozen), bumped by triggers so that no write path can forget it,
 * and announced on the channel that links instances (accord_events, as PgPubSub envelopes).
 * Caches key public data by this version: a reader reads the version fresh, so no instance
 * serves a list older than what was committed before the request, whatever the NOTIFY delay.
 * No foreign key: the row is only a counter, and a document's deletion must not depend on it.
 */
export class DocumentDataVersions1796031000000 implements MigrationInterface {
  name = 'DocumentDataVersions1796031000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_data_versions" ("documentId" uuid PRIMARY KEY, "version" bigint NOT NULL)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "document_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        doc uuid;
      BEGIN
        IF TG_TABLE_NAME = 'documents' THEN
          IF NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
          doc := NEW.id;
        ELSIF TG_OP = 'DELETE' THEN
          doc := OLD."documentId";
        ELSE
          doc := NEW."documentId";
        END IF;
        INSERT INTO "document_data_versions" ("documentId", "version") VALUES (doc, 1)
          ON CONFLICT ("documentId")
          DO UPDATE SET "version" = "document_data_versions"."version" + 1;
        PERFORM pg_notify('accord_events', json_build_object(
          'trigger', 'documentDataChanged', 'payload', json_build_object('documentId', doc))::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "signatures_data_changed" AFTER INSERT OR UPDATE OR DELETE ON "signatures" FOR EACH ROW EXECUTE FUNCTION "document_data_changed"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "documents_data_changed" AFTER UPDATE ON "documents" FOR EACH ROW EXECUTE FUNCTION "document_data_changed"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "documents_data_changed" ON "documents"`);
    await queryRunner.query(`DROP TRIGGER "signatures_data_changed" ON "signatures"`);
    await queryRunner.query(`DROP FUNCTION "document_data_changed"()`);
    await queryRunner.query(`DROP TABLE "document_data_versions"`);
  }
}
