export * from './participants.module';
export * from './participants.service';
export * from './participant.entity';
export * from './delegation-membership.entity';
export * from './models/participant.model';
export * from './loaders/participant-by-id.loader';
export { ParticipantsResolver } from './participants.resolver';
export { ParticipantMembersResolver } from './participant-members.resolver';
export {
  DelegationMemberResolver,
  DelegationMembershipResolver,
} from './delegation-member.resolver';
export { UserDelegationResolver } from './user-delegation.resolver';
