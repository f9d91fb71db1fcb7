import { AuditEventEntity } from '@accord/audit';
import { UserEntity } from '@accord/auth';
import { DelegationMembershipEntity, ParticipantEntity } from '@accord/participants';

/** Every entity of every library: the app's data source and the migration tools use this list. */
export const ENTITIES = [
  UserEntity,
  ParticipantEntity,
  DelegationMembershipEntity,
  AuditEventEntity,
];
