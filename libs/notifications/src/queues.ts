import type { JobsService } from '@accord/jobs';

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

/**
 * The jobs of outbox rows, in one statement per queue: a delivery job per email, and the digest
 * job of each recipient's interval for digest items (the interval the row was written in).
 * Singleton keys make a job already there, or asked twice, one job.
 */
export async function enqueueDeliveries(
  jobs: JobsService,
  rows: { id: string; recipientId: string; digest: boolean; createdAt: Date }[],
  intervalSeconds: number,
): Promise<void> {
  const digests = rows.filter((row) => row.digest);
  await jobs.sendMany(
    DELIVER_QUEUE,
    rows
      .filter((row) => !row.digest)
      .map((row) => ({ data: { deliveryId: row.id }, singletonKey: row.id })),
  );
  await jobs.sendMany(
    DIGEST_QUEUE,
    digests.map((row) => {
      const [, data, { startAfter, singletonKey }] = digestJob(
        row.recipientId,
        row.createdAt,
        intervalSeconds,
      );
      return { data, startAfter, singletonKey };
    }),
  );
}
