import { isStaff } from './roles';
import { RuleSet } from './rule';

export interface AuditResources {
  'audit.read': Record<string, never>;
}

export const auditRules: RuleSet<AuditResources> = {
  'audit.read': (actor) => isStaff(actor),
};
