/** The PUB_SUB trigger of Subscription.signatureAdded. */
export const SIGNATURE_ADDED = 'signatureAdded';

/** Ids only: NOTIFY payloads stay small, and subscribers read the signature as it stands. */
export interface SignatureAddedEvent {
  signatureId: string;
  documentId: string;
}
