import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignaturesByDocument1795339456850 implements MigrationInterface {
  name = 'SignaturesByDocument1795339456850';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_0c260259ec7f6a10600f9f785f" ON "signatures"  ("documentId", "signedAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_0c260259ec7f6a10600f9f785f"`);
  }
}
