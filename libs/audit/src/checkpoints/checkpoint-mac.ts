import { createHmac, timingSafeEqual } from 'node:crypto';
import { CheckpointHead } from './audit-checkpoint.entity';

export interface CheckpointFields {
  eventId: string;
  eventHash: string;
  at: Date;
  /** Absent or 1: the single-chain format; 2: heads and prevMac are signed too. */
  version?: number;
  heads?: CheckpointHead[] | null;
  prevMac?: string | null;
}

/**
 * v1: HMAC-SHA256 over the head's sequence number, its hash and the checkpoint's time.
 * v2: the same, then the previous checkpoint's MAC and the moved stream heads as JSON.
 */
export function checkpointMac(key: Buffer, fields: CheckpointFields): string {
  const version = fields.version ?? 1;
  const mac = createHmac('sha256', key)
    .update(`accord-audit-checkpoint/v${version}\n${fields.eventId}\n${fields.eventHash}\n`)
    .update(fields.at.toISOString());
  if (version !== 1)
    mac.update(`\n${fields.prevMac ?? ''}\n`).update(JSON.stringify(fields.heads ?? []));
  return mac.digest('hex');
}

export function checkpointMacValid(
  key: Buffer,
  fields: CheckpointFields & { mac: string },
): boolean {
  const expected = Buffer.from(checkpointMac(key, fields), 'hex');
  const given = Buffer.from(fields.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
