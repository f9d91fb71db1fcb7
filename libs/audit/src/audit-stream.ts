/**
 * The audit trail is one hash chain per stream, so that writes on different documents, meetings,
 * participants or accounts never wait for each other's chain. A stream is named `<kind>:<id>`;
 * what has no natural owner goes to the platform stream.
 */
export const PLATFORM_STREAM = 'platform';
const MAX_ID_LENGTH = 80;

export interface StreamedRecord {
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
  /** Overrides the stream derived from the entity. */
  stream?: string;
}

const named = (kind: string, id: unknown): string | null =>
  typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH ? `${kind}:${id}` : null;

/**
 * Which stream an event belongs to: the document for everything of a draft (clauses, comments,
 * amendments, signatures carry `details.documentId`), the meeting, the participant, the user an
 * account event is about; else the platform stream. Drafting changes already lock their
 * document's row, so one document's stream adds no wait of its own.
 */
export function auditStreamOf(record: StreamedRecord): string {
  if (record.stream) return record.stream;
  const details = record.details ?? {};
  const stream = (() => {
    switch (record.entityType) {
      case 'Document':
        return named('document', record.entityId);
      case 'Meeting':
        return named('meeting', record.entityId);
      case 'Participant':
        return named('participant', record.entityId);
      case 'User':
        return named('user', record.entityId);
      case 'Session':
        return named('user', details.userId);
      default:
        return named('document', details.documentId);
    }
  })();
  return stream ?? PLATFORM_STREAM;
}
