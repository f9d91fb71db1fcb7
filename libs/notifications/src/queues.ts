/** One job per email: delivers one outbox row. */
export const DELIVER_QUEUE = 'notifications.deliver';
/** One job per user per digest interval: delivers the user's pending digest rows as one email. */
export const DIGEST_QUEUE = 'notifications.digest';

/** The end of the digest interval `at` falls in: every digest item of the interval waits for it. */
export function digestSlot(at: Date, intervalSeconds: number): Date {
  const ms = intervalSeconds * 1000;
  return new Date((Math.floor(at.getTime() / ms) + 1) * ms);
}
