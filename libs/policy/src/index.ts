export * from './policy';
export * from './roles';
export * from './rule';
export type { DocumentRef } from './drafting.rules';
export { isEligibleMember } from './drafting.rules';
export type { SigningRef } from './signatures.rules';
export type { ParticipantOnDocumentRef } from './silence.rules';
export { mayReadEveryDelegation } from './participants.rules';
