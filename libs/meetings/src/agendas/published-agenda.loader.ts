import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { AgendaEntity } from './agenda.entity';
import { AgendasRepository } from './agendas.repository';

/** By meeting id, its latest published agenda version (what everyone but the secretariat sees). */
export type PublishedAgendaLoaderInstance = DataLoader<string, AgendaEntity | null>;

@Injectable()
export class PublishedAgendaLoader implements LoaderFactory<PublishedAgendaLoaderInstance> {
  constructor(private readonly agendas: AgendasRepository) {}

  create(): PublishedAgendaLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.agendas.latest(ids, true), (a) => a.meetingId),
    );
  }
}
