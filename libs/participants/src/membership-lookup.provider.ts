import { Injectable } from '@nestjs/common';
import { ActorMembership, MembershipLookup } from '@accord/common';
import { ParticipantsRepository, toActorMembership } from './participants.repository';

@Injectable()
export class ParticipantsMembershipLookup implements MembershipLookup {
  constructor(private readonly participants: ParticipantsRepository) {}

  async membershipOf(userId: string): Promise<ActorMembership | null> {
    return toActorMembership(await this.participants.membershipOfUser(userId));
  }
}
