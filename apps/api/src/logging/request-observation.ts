import type { Actor } from '@accord/common';

/** What the GraphQL layer learns about a request, for its access line and its metrics. */
export interface GraphqlObservation {
  /** The operation's name once resolved from the document; null: anonymous or never resolved. */
  operation: string | null;
  /** query, mutation or subscription; null: the request never got that far (parse or validation error). */
  type: string | null;
  /** The response carries errors. */
  failed: boolean;
}

/** The fields the request observer and the Apollo plugin put on an express request. */
export interface ObservedRequest {
  id?: string;
  user?: Actor | null;
  graphql?: GraphqlObservation;
}
