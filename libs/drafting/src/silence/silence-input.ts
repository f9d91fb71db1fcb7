import { DomainException, TEXT_LIMITS } from '@accord/common';

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
