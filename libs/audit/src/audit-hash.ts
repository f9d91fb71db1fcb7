import { createHash } from 'node:crypto';

export interface HashedFields {
  at: Date;
  actorId: string | null;
  participantId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  prevHash: string | null;
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

/** SHA-256 of an event's fields and the previous event's hash: changing any past row breaks the chain. */
export function auditHash(fields: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        fields.prevHash,
        fields.at.toISOString(),
        fields.actorId,
        fields.participantId,
        fields.action,
        fields.entityType,
        fields.entityId,
        fields.details,
      ]),
    )
    .digest('hex');
}
