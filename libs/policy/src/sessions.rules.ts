import { RuleSet } from './rule';

/** A session belongs to its user alone: the services look sessions up by the caller's id. */
export interface SessionResources {
  'session.list': Record<string, never>;
  'session.revoke': Record<string, never>;
  'session.logout': Record<string, never>;
}

export const sessionRules: RuleSet<SessionResources> = {
  'session.list': (actor) => actor !== null,
  'session.revoke': (actor) => actor !== null,
  'session.logout': (actor) => actor !== null,
};
