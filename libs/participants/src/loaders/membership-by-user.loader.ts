import { Injectable } from '@nestjs/common';
import { LoaderFactory, orderByKeys } from '@accord/common';
import DataLoader from 'dataloader';
import { DelegationMembershipEntity } from '../delegation-membership.entity';
import { ParticipantsRepository } from '../participants.repository';

export type MembershipByUserLoaderInstance = DataLoader<string, DelegationMembershipEntity | null>;

@Injectable()
export class MembershipByUserLoader implements LoaderFactory<MembershipByUserLoaderInstance> {
  constructor(private readonly participants: ParticipantsRepository) {}

  create(): MembershipByUserLoaderInstance {
    return new DataLoader(async (ids) =>
      orderByKeys(ids, await this.participants.membershipsOfUsers(ids), (m) => m.userId),
    );
  }
}
