import { createHmac, timingSafeEqual } from 'node:crypto';

export interface CheckpointFields {
  eventId: string;
  eventHash: string;
  at: Date;
}

/** HMAC-SHA256 over the head's sequence number, its hash and the checkpoint's time. */
export function checkpointMac(key: Buffer, fields: CheckpointFields): string {
  return createHmac('sha256', key)
    .update(`accord-audit-checkpoint/v1\n${fields.eventId}\n${fields.eventHash}\n`)
    .update(fields.at.toISOString())
    .digest('hex');
}

export function checkpointMacValid(
  key: Buffer,
  fields: CheckpointFields & { mac: string },
): boolean {
  const expected = Buffer.from(checkpointMac(key, fields), 'hex');
  const given = Buffer.from(fields.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
