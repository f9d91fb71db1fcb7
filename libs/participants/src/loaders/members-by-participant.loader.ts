import { Injectable } from '@nestjs/common';
import { groupByKeys, LoaderFactory } from '@accord/common';
import DataLoader from 'dataloader';
import { DelegationMembershipEntity } from '../delegation-membership.entity';
import { ParticipantsRepository } from '../participants.repository';

export type MembersByParticipantLoaderInstance = DataLoader<string, DelegationMembershipEntity[]>;

@Injectable()
export class MembersByParticipantLoader implements LoaderFactory<MembersByParticipantLoaderInstance> {
  constructor(private readonly participants: ParticipantsRepository) {}

  create(): MembersByParticipantLoaderInstance {
    return new DataLoader(async (ids) =>
      groupByKeys(ids, await this.participants.membersOf(ids), (m) => m.participantId),
    );
  }
}
