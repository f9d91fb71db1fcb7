import { Actor } from '@accord/common';

/** What the first seed step hands to the later ones: the secretariat acting, and the participants by name. */
export interface SeedContext {
  secretariat: Actor;
  /** Demo users by email (their Actor, read fresh after they joined their delegation). */
  users: Map<string, Actor>;
  /** Participant ids by name. */
  participantIds: Map<string, string>;
  /** Meeting ids by the data file's key (london-2024, paris-2025, …), filled by the meetings step. */
  meetingIds: Map<string, string>;
  /** Document ids by slug, filled by the drafting step. */
  documentIds: Map<string, string>;
}

/** One part of the demo data; steps run in order, each through the services (so that the audit trail is real). */
export interface SeedStep {
  seed(context: SeedContext): Promise<void>;
}
