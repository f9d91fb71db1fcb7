import { Actor } from '../auth/actor';
import { RequestLoaders } from '../loaders/request-loaders';

/** What every GraphQL resolver finds in its context, over HTTP and over graphql-ws alike. */
export interface GraphQLRequestContext {
  /** `id`: the request id (HTTP) or the operation's (graphql-ws), for logs and correlationId. */
  req: { user?: Actor | null; headers?: Record<string, unknown>; ip?: string; id?: string };
  loaders: RequestLoaders;
}
