import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';

export type InvitationsByMeetingLoaderInstance = DataLoader<string, InvitationEntity[]>;

@Injectable()
export class InvitationsByMeetingLoader implements LoaderFactory<InvitationsByMeetingLoaderInstance> {
  constructor(private readonly invitations: InvitationsRepository) {}

  create(): InvitationsByMeetingLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.invitations.of(ids), (i) => i.meetingId),
    );
  }
}
