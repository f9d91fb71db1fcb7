import { randomUUID } from 'node:crypto';

/**
 * A client's (or a proxy's) X-Request-Id is kept only when it is short and made of safe
 * characters: it is written into every log line of the request and returned in a header,
 * so it must not be able to forge log fields, split a header or bloat the logs.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
