import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { MeetingHostEntity } from './meeting-host.entity';
import { MeetingsRepository } from './meetings.repository';

export type HostsByMeetingLoaderInstance = DataLoader<string, MeetingHostEntity[]>;

@Injectable()
export class HostsByMeetingLoader implements LoaderFactory<HostsByMeetingLoaderInstance> {
  constructor(private readonly meetings: MeetingsRepository) {}

  create(): HostsByMeetingLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.meetings.hostsOf(ids), (h) => h.meetingId),
    );
  }
}
