import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { AgendaEntity } from './agenda.entity';
import { AgendasRepository } from './agendas.repository';

/** By meeting id, its latest agenda version, published or not (what the secretariat sees). */
export type LatestAgendaLoaderInstance = DataLoader<string, AgendaEntity | null>;

@Injectable()
export class LatestAgendaLoader implements LoaderFactory<LatestAgendaLoaderInstance> {
  constructor(private readonly agendas: AgendasRepository) {}

  create(): LatestAgendaLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.agendas.latest(ids, false), (a) => a.meetingId),
    );
  }
}
