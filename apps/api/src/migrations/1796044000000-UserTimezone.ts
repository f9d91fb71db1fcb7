import { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's own time zone (IANA), for the times in their emails; null: UTC. */
export class UserTimezone1796044000000 implements MigrationInterface {
  name = 'UserTimezone1796044000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "timezone" character varying(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "timezone"`);
  }
}
