/**
 * How the meetings library (agendas) learns who has signed, without importing the signatures
 * library (which depends on meetings for a signature's place): the signatures module provides it.
 */
export interface SignatoriesLookup {
  /** Per document id, the participants with an active (not withdrawn) signature. */
  activeSignatories(documentIds: readonly string[]): Promise<Map<string, Set<string>>>;
}

export const SIGNATORIES_LOOKUP = Symbol('SIGNATORIES_LOOKUP');
