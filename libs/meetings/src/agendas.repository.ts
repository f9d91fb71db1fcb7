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

  /** The keys of every item of the meeting's published versions. */
  async publishedItemKeys(meetingId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await this.txHost.tx.query(
      `SELECT DISTINCT item->>'key' AS key
       FROM agendas a, jsonb_array_elements(a.items) item
       WHERE a."meetingId" = $1 AND a."publishedAt" IS NOT NULL AND item ? 'key'`,
      [meetingId],
    );
    return new Set(rows.map((r) => r.key));
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
