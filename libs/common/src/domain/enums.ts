import { registerEnumType } from '@nestjs/graphql';

/** The enums of the domain, shared by every library and registered once for GraphQL. */
export enum PlatformRole {
  ADMIN = 'ADMIN',
  SECRETARIAT = 'SECRETARIAT',
  NONE = 'NONE',
}
export enum DelegationRole {
  HEAD_OF_DELEGATION = 'HEAD_OF_DELEGATION',
  DELEGATE = 'DELEGATE',
  OBSERVER = 'OBSERVER',
}
export enum ParticipantKind {
  STATE = 'STATE',
  COMPANY = 'COMPANY',
  INTERNATIONAL_ORGANISATION = 'INTERNATIONAL_ORGANISATION',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  ACADEMIA = 'ACADEMIA',
}
export enum DocumentKind {
  DECLARATION = 'DECLARATION',
  CODE_OF_PRACTICE = 'CODE_OF_PRACTICE',
  STATEMENT = 'STATEMENT',
  OTHER = 'OTHER',
}
export enum DocumentStatus {
  DRAFT = 'DRAFT',
  NEGOTIATION = 'NEGOTIATION',
  ADOPTED = 'ADOPTED',
  OPEN_FOR_SIGNATURE = 'OPEN_FOR_SIGNATURE',
  CLOSED = 'CLOSED',
}
export enum ClauseKind {
  HEADING = 'HEADING',
  PREAMBULAR = 'PREAMBULAR',
  OPERATIVE = 'OPERATIVE',
}
export enum AmendmentKind {
  REPLACE = 'REPLACE',
  INSERT_AFTER = 'INSERT_AFTER',
  DELETE = 'DELETE',
}
export enum AmendmentStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
export enum MeetingStatus {
  PLANNED = 'PLANNED',
  CONFIRMED = 'CONFIRMED',
  CONCLUDED = 'CONCLUDED',
  CANCELLED = 'CANCELLED',
}
export enum InvitationStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ATTENDED = 'ATTENDED',
}
export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
export enum AgendaItemKind {
  OPENING = 'OPENING',
  ADOPTION_OF_AGENDA = 'ADOPTION_OF_AGENDA',
  FOLLOW_UP = 'FOLLOW_UP',
  DOCUMENT_REVIEW = 'DOCUMENT_REVIEW',
  SIGNING = 'SIGNING',
  AOB = 'AOB',
  NEXT_MEETING = 'NEXT_MEETING',
  CLOSING = 'CLOSING',
  BREAK = 'BREAK',
  OTHER = 'OTHER',
}
export enum DiffOp {
  EQUAL = 'EQUAL',
  INSERT = 'INSERT',
  DELETE = 'DELETE',
}
export enum ClauseChange {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
}

const ENUMS = {
  PlatformRole,
  DelegationRole,
  ParticipantKind,
  DocumentKind,
  DocumentStatus,
  ClauseKind,
  AmendmentKind,
  AmendmentStatus,
  MeetingStatus,
  InvitationStatus,
  ActionItemStatus,
  AgendaItemKind,
  DiffOp,
  ClauseChange,
};
for (const [name, enumRef] of Object.entries(ENUMS)) registerEnumType(enumRef, { name });
