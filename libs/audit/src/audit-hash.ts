import { createHash } from 'node:crypto';

/** Version of the hash formula an event was written with (audit_events."hashVersion"). */
export const AUDIT_HASH_V1 = 1;
export const AUDIT_HASH_V2 = 2;

export interface HashedFields {
  at: Date;
  actorId: string | null;
  participantId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  prevHash: string | null;
  /**
   * 1: events written before the chain was partitioned (one platform-wide chain); their hashes
   * are kept as they were. 2 (default): the hash also covers the event's id, stream and seq.
   */
  hashVersion?: number;
  id?: string;
  stream?: string;
  seq?: string;
}

/** Stable JSON: object keys sorted, so that jsonb's own key order does not change the hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * SHA-256 of an event's fields and the hash of the previous event of its stream: changing any
 * past row breaks its stream's chain. Version 2 also covers the event's global id and its place
 * in its stream (stream, seq), so moving an event to another place or stream breaks it too.
 */
export function auditHash(fields: HashedFields): string {
  const content = [
    fields.at.toISOString(),
    fields.actorId,
    fields.participantId,
    fields.action,
    fields.entityType,
    fields.entityId,
    fields.details,
  ];
  if ((fields.hashVersion ?? AUDIT_HASH_V2) === AUDIT_HASH_V1)
    return sha256(canonicalJson([fields.prevHash, ...content]));
  if (fields.id === undefined || fields.stream === undefined || fields.seq === undefined)
    throw new Error('auditHash v2 needs the event id, stream and seq');
  return sha256(
    canonicalJson([
      'accord-audit/v2',
      String(fields.id),
      fields.stream,
      String(fields.seq),
      fields.prevHash,
      ...content,
    ]),
  );
}
