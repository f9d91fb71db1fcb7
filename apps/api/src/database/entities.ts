import {
  AuditCheckpointedHeadEntity,
  AuditCheckpointEntity,
  AuditEventEntity,
  AuditStreamEntity,
} from '@accord/audit';
import {
  PasswordResetTicketEntity,
  RecoveryCodeEntity,
  SessionEntity,
  TotpCredentialEntity,
  UserEntity,
} from '@accord/auth';
import { DRAFTING_ENTITIES } from '@accord/drafting';
import { MEETING_ENTITIES } from '@accord/meetings';
import { NOTIFICATION_ENTITIES } from '@accord/notifications';
import { DelegationMembershipEntity, ParticipantEntity } from '@accord/participants';
import { SIGNATURE_ENTITIES } from '@accord/signatures';

/** Every entity of every library: the app's data source and the migration tools use this list. */
export const ENTITIES = [
  UserEntity,
  PasswordResetTicketEntity,
  TotpCredentialEntity,
  RecoveryCodeEntity,
  SessionEntity,
  ParticipantEntity,
  DelegationMembershipEntity,
  AuditEventEntity,
  AuditCheckpointEntity,
  AuditStreamEntity,
  AuditCheckpointedHeadEntity,
  ...DRAFTING_ENTITIES,
  ...MEETING_ENTITIES,
  ...SIGNATURE_ENTITIES,
  ...NOTIFICATION_ENTITIES,
];
