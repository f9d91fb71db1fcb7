/** One job per email: delivers one outbox row. */
export const DELIVER_QUEUE = 'notifications.deliver';
/** One job per user per digest interval: delivers the user's pending digest rows as one email. */
export const DIGEST_QUEUE = 'notifications.digest';

/** The end of the digest interval `at` falls in: every digest item of the interval waits for it. */
export function digestSlot(at: Date, intervalSeconds: number): Date {
  const ms = intervalSeconds * 1000;
  return new Date((Math.floor(at.getTime() / ms) + 1) * ms);
}

/**
 * The digest job of a user for the interval `at` falls in: sent when the interval ends, one per
 * user and interval (the singleton key), however many items it carries.
 */
export function digestJob(
  recipientId: string,
  at: Date,
  intervalSeconds: number,
): [typeof DIGEST_QUEUE, { recipientId: string }, { startAfter: Date; singletonKey: string }] {
  const slot = digestSlot(at, intervalSeconds);
  return [
    DIGEST_QUEUE,
    { recipientId },
    { startAfter: slot, singletonKey: `${recipientId}:${slot.toISOString()}` },
  ];
}
