import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { MeetingEntity } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';

/** By meeting id, the meeting that follows it (Meeting.nextMeeting). */
export type NextMeetingLoaderInstance = DataLoader<string, MeetingEntity | null>;

@Injectable()
export class NextMeetingLoader implements LoaderFactory<NextMeetingLoaderInstance> {
  constructor(private readonly meetings: MeetingsRepository) {}

  create(): NextMeetingLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.meetings.followersOf(ids), (m) => m.previousMeetingId!),
    );
  }
}
