import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AgendaEntity, StoredAgendaItem } from './agenda.entity';

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
    warnings: string[];
    createdById: string | null;
    reason: string;
  }): Promise<AgendaEntity> {
    return this.agendas.save(
      this.agendas.create({ ...fields, publishedAt: null, publishActionItems: false }),
    );
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
