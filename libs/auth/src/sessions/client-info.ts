import { GraphQLRequestContext } from '@accord/common';
import { ClientInfo } from './sessions.service';

/** The client as the server sees it: req.ip honours TRUST_PROXY; over graphql-ws there is no request. */
export function clientInfo(context: GraphQLRequestContext): ClientInfo {
  const agent = context.req.headers?.['user-agent'];
  return {
    userAgent: typeof agent === 'string' ? agent : null,
    ipAddress: context.req.ip ?? null,
  };
}
