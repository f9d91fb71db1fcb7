import { MigrationInterface, QueryRunner } from 'typeorm';

export class AmendmentClauseKind1795339749699 implements MigrationInterface {
  name = 'AmendmentClauseKind1795339749699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "amendments" ADD "clauseKind" "public"."clause_kind"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "amendments" DROP COLUMN "clauseKind"`);
  }
}
