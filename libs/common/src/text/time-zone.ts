import { IANAZone } from 'luxon';
import { DomainException } from '../errors/domain.exception';

const MAX_ZONE_LENGTH = 64;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * An IANA zone name such as Europe/Paris, returned with its usual capitals (europe/paris →
 * Europe/Paris), or BAD_USER_INPUT naming the field. An offset like +02:00 is not a zone: it
 * knows nothing of summer time. One check for meetings, silence deadlines and users.
 */
export function requireTimezone(value: string, field = 'timezone'): string {
  const zone = value.trim();
  if (zone.length > MAX_ZONE_LENGTH || !ZONE_NAME.test(zone) || !IANAZone.isValidZone(zone)) {
    throw DomainException.badInput(
      field,
      `${field} must be an IANA time zone such as Europe/Paris; got "${value.slice(0, MAX_ZONE_LENGTH)}"`,
    );
  }
  // Only the case is corrected: ICU would also swap IANA names for its own legacy aliases.
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
