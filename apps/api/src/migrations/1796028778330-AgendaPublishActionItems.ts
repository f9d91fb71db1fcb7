import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaPublishActionItems1796028778330 implements MigrationInterface {
  name = 'AgendaPublishActionItems1796028778330';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agendas" ADD "publishActionItems" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agendas" DROP COLUMN "publishActionItems"`);
  }
}
