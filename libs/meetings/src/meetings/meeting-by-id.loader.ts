import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { MeetingEntity } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';

export type MeetingByIdLoaderInstance = DataLoader<string, MeetingEntity | null>;

@Injectable()
export class MeetingByIdLoader implements LoaderFactory<MeetingByIdLoaderInstance> {
  constructor(private readonly meetings: MeetingsRepository) {}

  create(): MeetingByIdLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.meetings.getByIds(ids), (meeting) => meeting.id),
    );
  }
}
