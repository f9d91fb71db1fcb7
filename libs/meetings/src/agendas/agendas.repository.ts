import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AgendaEntity, RemovedAgendaItem, StoredAgendaItem } from './agenda.entity';

@Injectable()
export class AgendasRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get agendas() {
    return this.txHost.tx.getRepository(AgendaEntity);
  }

  /** Per meeting, its highest version (only published ones when `publishedOnly`). */
  latest(meetingIds: readonly string[], publishedOnly: boolean): Promise<AgendaEntity[]> {
    const query = this.agendas
      .createQueryBuilder('a')
      .distinctOn(['a.meetingId'])
      .where('a.meetingId IN (:...meetingIds)', { meetingIds })
      .orderBy('a.meetingId')
      .addOrderBy('a.version', 'DESC');
    if (publishedOnly) query.andWhere('a.publishedAt IS NOT NULL');
    return query.getMany();
  }

  async latestOf(meetingId: string, publishedOnly: boolean): Promise<AgendaEntity | null> {
    return (await this.latest([meetingId], publishedOnly))[0] ?? null;
  }

  insert(fields: {
    meetingId: string;
    version: number;
    items: StoredAgendaItem[];
    removedItems: RemovedAgendaItem[];
    warnings: string[];
    createdById: string | null;
    reason: string;
  }): Promise<AgendaEntity> {
    return this.agendas.save(
      this.agendas.create({ ...fields, publishedAt: null, publishActionItems: false }),
    );
  }

  /** Every item of the meeting's published versions by key, as the last of them showed it. */
  async publishedItems(meetingId: string): Promise<Map<string, StoredAgendaItem>> {
    const rows: { item: StoredAgendaItem }[] = await this.txHost.tx.query(
      `SELECT DISTINCT ON (item->>'key') item
       FROM agendas a, jsonb_array_elements(a.items) item
       WHERE a."meetingId" = $1 AND a."publishedAt" IS NOT NULL AND item ? 'key'
       ORDER BY item->>'key', a.version DESC`,
      [meetingId],
    );
    return new Map(rows.map((r) => [r.item.key!, r.item]));
  }

  async publish(
    meetingId: string,
    version: number,
    at: Date,
    publishActionItems: boolean,
  ): Promise<void> {
    await this.agendas.update({ meetingId, version }, { publishedAt: at, publishActionItems });
  }
}
