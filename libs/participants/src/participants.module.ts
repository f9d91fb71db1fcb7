import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MEMBERSHIP_LOOKUP } from '@accord/common';
import { AuditModule } from '@accord/audit';
import { AuthModule } from '@accord/auth';
import { DelegationMembershipEntity } from './delegation-membership.entity';
import {
  DelegationMemberResolver,
  DelegationMembershipResolver,
} from './delegation-member.resolver';
import { MembersByParticipantLoader } from './loaders/members-by-participant.loader';
import { MembershipByUserLoader } from './loaders/membership-by-user.loader';
import { ParticipantByIdLoader } from './loaders/participant-by-id.loader';
import { ParticipantsMembershipLookup } from './membership-lookup.provider';
import { ParticipantEntity } from './participant.entity';
import { ParticipantConnectionResolver } from './participant-connection.resolver';
import { ParticipantMembersResolver } from './participant-members.resolver';
import { ParticipantsRepository } from './participants.repository';
import { ParticipantsResolver } from './participants.resolver';
import { ParticipantsService } from './participants.service';
import { UserDelegationResolver } from './user-delegation.resolver';
import { ParticipantCompiledFields } from './participant-compiled-fields';
import { ParticipantsCompiledRead } from './participants-compiled-read';

/** Global because it provides MEMBERSHIP_LOOKUP, which the auth library consumes. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([ParticipantEntity, DelegationMembershipEntity]),
    AuditModule,
    AuthModule,
  ],
  providers: [
    ParticipantCompiledFields,
    ParticipantsCompiledRead,
    ParticipantsRepository,
    ParticipantsService,
    ParticipantByIdLoader,
    MembersByParticipantLoader,
    MembershipByUserLoader,
    ParticipantsResolver,
    ParticipantConnectionResolver,
    ParticipantMembersResolver,
    DelegationMemberResolver,
    DelegationMembershipResolver,
    UserDelegationResolver,
    { provide: MEMBERSHIP_LOOKUP, useClass: ParticipantsMembershipLookup },
  ],
  exports: [ParticipantsService, ParticipantByIdLoader, MEMBERSHIP_LOOKUP],
})
export class ParticipantsModule {}
