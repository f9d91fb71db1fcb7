import { Actor } from '@accord/common';

/** What the first seed step hands to the later ones: the secretariat acting, and the participants by name. */
export interface SeedContext {
  secretariat: Actor;
  participantIds: Map<string, string>;
}

/** One part of the demo data; steps run in order, each through the services (so that the audit trail is real). */
export interface SeedStep {
  seed(context: SeedContext): Promise<void>;
}
