/**
 * The largest request body (HTTP) or message (graphql-ws) accepted: large enough for a clause
 * at its length limit, so that oversized fields get a GraphQL error naming them.
 */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
