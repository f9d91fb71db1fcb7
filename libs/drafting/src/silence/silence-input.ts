import { DomainException, TEXT_LIMITS } from '@accord/common';
import { IANAZone } from 'luxon';

/** A deadline may be set at most this far ahead. */
export const MAX_SILENCE_DAYS = 366;

/** A written reason (breaking or cancelling silence), trimmed and bounded. */
export function silenceReason(raw: string): string {
  const reason = raw.trim();
  if (!reason) throw DomainException.badInput('reason', 'reason must not be empty');
  if (reason.length > TEXT_LIMITS.rationale) {
    throw DomainException.badInput(
      'reason',
      `reason must be at most ${TEXT_LIMITS.rationale} characters`,
    );
  }
  return reason;
}

/** A valid IANA time zone name, or BAD_USER_INPUT naming the field. */
export function silenceTimezone(timezone: string): string {
  if (timezone.length > 64 || !IANAZone.isValidZone(timezone)) {
    throw DomainException.badInput(
      'timezone',
      'timezone must be an IANA time zone name, such as Europe/London',
    );
  }
  // The canonical spelling ("europe/paris" is Europe/Paris).
  return new Intl.DateTimeFormat('en', { timeZone: timezone }).resolvedOptions().timeZone;
}
