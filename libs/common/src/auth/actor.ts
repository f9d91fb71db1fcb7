import { DelegationRole, ParticipantKind, PlatformRole } from '../domain/enums';

/** The caller of a request, read fresh from the database on every request (never trusted from the token). */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  platformRole: PlatformRole;
  membership: ActorMembership | null;
  /** Whether the user has a second factor on (set by the auth library; absent counts as off). */
  mfaEnabled?: boolean;
  /** The user's language and last login, read with the caller so that `me` needs no other query. */
  language?: string;
  /** The user's own IANA time zone (null or absent: UTC). */
  timezone?: string | null;
  lastLoginAt?: Date | null;
  /** The session the request's access token belongs to (absent for callers without a token, e.g. seeds). */
  sessionId?: string;
}

export interface ActorMembership {
  participantId: string;
  participantKind: ParticipantKind;
  role: DelegationRole;
}
