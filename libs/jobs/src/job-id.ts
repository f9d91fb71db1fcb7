import { createHash } from 'node:crypto';

/**
 * The job id a singleton key stands for: the same queue and key always give the same UUID, and
 * pg-boss inserts with ON CONFLICT DO NOTHING, so a second send of that key creates nothing.
 */
export function singletonJobId(queue: string, key: string): string {
  const hex = createHash('sha256').update(`${queue}\0${key}`).digest('hex');
  // RFC 9562 version 8 (custom) with the variant bits set.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
