/**
 * The PUB_SUB trigger sent by the database itself (migration DocumentDataVersions) whenever a
 * document's row or signatures change: caches of public document data evict on it.
 */
export const DOCUMENT_DATA_CHANGED = 'documentDataChanged';

export interface DocumentDataChangedEvent {
  documentId: string;
}
