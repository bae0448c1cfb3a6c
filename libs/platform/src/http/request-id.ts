// The request id, which is also the request's correlation id: pino writes it on every log line of the
// request (`reqId`) and the command path records it in the metadata of every event the request causes, where
// the audit trail (GET /v1/audit?correlationId=) finds it. A caller may give its own in X-Request-Id (1 to
// 200 visible ASCII characters, as an Idempotency-Key); otherwise it is a random UUID. Fastify's default, a
// per-process counter (req-1, req-2, …), started again at every restart, so that the audit trail mixed
// unrelated requests of different runs under one id.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const GIVEN_REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** Fastify's `genReqId` (and pino-http's): the caller's X-Request-Id when usable, else a random UUID. */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && GIVEN_REQUEST_ID.test(given) ? given : randomUUID();
}
