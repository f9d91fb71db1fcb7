import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agenda items get a key that stays the same across versions (the UID of their calendar
 * event), and each version lists the items earlier versions had and it dropped (published as
 * cancelled events). Existing items get the key their position gave their UID until now
 * ("<meetingId>-item-<n>@accord"), so calendars that imported them keep following them.
 */
export class AgendaItemKeys1796041000000 implements MigrationInterface {
  name = 'AgendaItemKeys1796041000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agendas" ADD "removedItems" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `UPDATE "agendas" a SET "items" = (
         SELECT coalesce(jsonb_agg(t.elem || jsonb_build_object('key', 'item-' || t.ord) ORDER BY t.ord), '[]'::jsonb)
         FROM jsonb_array_elements(a."items") WITH ORDINALITY AS t(elem, ord))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "agendas" a SET "items" = (
         SELECT coalesce(jsonb_agg(t.elem - 'key' ORDER BY t.ord), '[]'::jsonb)
         FROM jsonb_array_elements(a."items") WITH ORDINALITY AS t(elem, ord))`,
    );
    await queryRunner.query(`ALTER TABLE "agendas" DROP COLUMN "removedItems"`);
  }
}
