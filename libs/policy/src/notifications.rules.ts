import { isStaff } from './roles';
import { RuleSet } from './rule';

/** Preferences and language are the caller's own; delivery status is the secretariat's. */
export interface NotificationResources {
  'notification.preferences': Record<string, never>;
  'notification.deliveries': Record<string, never>;
}

export const notificationRules: RuleSet<NotificationResources> = {
  'notification.preferences': (actor) => actor !== null,
  'notification.deliveries': (actor) => isStaff(actor),
};
