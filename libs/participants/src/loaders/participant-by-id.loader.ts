import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { ParticipantEntity } from '../participant.entity';
import { ParticipantsRepository } from '../participants.repository';

export type ParticipantByIdLoaderInstance = DataLoader<string, ParticipantEntity | null>;

@Injectable()
export class ParticipantByIdLoader implements LoaderFactory<ParticipantByIdLoaderInstance> {
  constructor(private readonly participants: ParticipantsRepository) {}

  create(): ParticipantByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.participants.getByIds(ids), (p) => p.id),
    );
  }
}
