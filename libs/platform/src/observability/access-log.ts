// One access line per request, written by pino-http (nestjs-pino) when the response is finished: the route
// pattern (`/v1/dossiers/:id`, never the path as sent), the method, the status, the duration, and who asked
// (the authenticated actor's id and role, `anonymous` otherwise), under the request id (`reqId`, also the
// events' correlation id). No URL, no query string, no headers, no body: the citizen lookup's phone number or
// national ID, a dossier code or a filter value never reach the logs through it (SECURITY.md). Health probes
// are not logged (platform.module.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/authentication.guard';

/** Where the raw request keeps its Fastify request, whose route and principal the access line reads. */
const FASTIFY_REQUEST = Symbol('tthc.fastify-request');
type RawWithRequest = IncomingMessage & { [FASTIFY_REQUEST]?: FastifyRequest };

export interface AccessLine {
  readonly method: string;
  /** The matched route's pattern; `(no route)` when none matched (a 404 or a malformed URL). */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly actorId: string;
  readonly actorRole: string;
}

export const ACCESS_LOG_MESSAGE = 'request completed';
export const ACCESS_LOG_FAILED_MESSAGE = 'request failed';

/** Lets the access line find the Fastify request (route, principal) from the raw request pino-http sees. */
export function recordRequestsForAccessLog(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request.raw as RawWithRequest)[FASTIFY_REQUEST] = request;
    done();
  });
}

export function accessLine(raw: IncomingMessage, res: ServerResponse, durationMs: number): AccessLine {
  const request = (raw as RawWithRequest)[FASTIFY_REQUEST];
  const principal = request === undefined ? undefined : principalOf(request);
  return {
    method: raw.method ?? 'UNKNOWN',
    route: request?.routeOptions?.url ?? '(no route)',
    status: res.statusCode,
    durationMs,
    actorId: principal?.id ?? 'anonymous',
    actorRole: principal?.role ?? 'anonymous',
  };
}

/**
 * pino-http's options for the access line: the request's own logger carries only its id (quietReqLogger),
 * and the completion line is the AccessLine, at `error` for a 5xx (its error is logged by the problem filter).
 */
export const ACCESS_LOG_OPTIONS = {
  quietReqLogger: true,
  quietResLogger: true,
  customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
    error !== undefined || res.statusCode >= 500 ? ('error' as const) : ('info' as const),
  customSuccessMessage: () => ACCESS_LOG_MESSAGE,
  customErrorMessage: () => ACCESS_LOG_FAILED_MESSAGE,
  customSuccessObject: (req: IncomingMessage, res: ServerResponse, value: { responseTime?: number }) =>
    accessLine(req, res, value.responseTime ?? 0),
  customErrorObject: (
    req: IncomingMessage,
    res: ServerResponse,
    _error: Error,
    value: { responseTime?: number },
  ) => accessLine(req, res, value.responseTime ?? 0),
};
