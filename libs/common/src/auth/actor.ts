import { DelegationRole, ParticipantKind, PlatformRole } from '../domain/enums';

/** The caller of a request, read fresh from the database on every request (never trusted from the token). */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  platformRole: PlatformRole;
  membership: ActorMembership | null;
}

export interface ActorMembership {
  participantId: string;
  participantKind: ParticipantKind;
  role: DelegationRole;
}
