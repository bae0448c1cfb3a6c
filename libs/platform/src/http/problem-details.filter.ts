// Every error leaves the API as an RFC 9457 problem document (application/problem+json).
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorKind } from '@tthc/shared-kernel';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
};

export const PROBLEM_TYPE_BASE = 'https://tthc-engine.dev/problems/';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [member: string]: unknown;
}

function titleFor(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .replace(/_/g, ' ')
        .replace(/^./, (c) => c.toUpperCase())
    : 'Error';
}

/**
 * Every 400 lists what was wrong in `errors` (the documented shape of a bad request), also when the refusal
 * came with one message only, such as a body that is not JSON: then one error at the root ('').
 */
export function toProblem(error: unknown, instance?: string): ProblemDocument {
  const problem = problemOf(error, instance);
  if (problem.status === 400 && !Array.isArray(problem.errors)) {
    return { ...problem, errors: [{ path: '', message: problem.detail ?? problem.title }] };
  }
  return problem;
}

function problemOf(error: unknown, instance?: string): ProblemDocument {
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    return {
      type: PROBLEM_TYPE_BASE + error.code,
      title: titleFor(status),
      status,
      detail: error.message,
      instance,
      ...error.details(),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    if (typeof body === 'object' && body !== null && 'type' in body && 'status' in body) {
      return { ...(body as ProblemDocument), instance };
    }
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const errors = Array.isArray(message) ? message : undefined;
    return {
      type:
        PROBLEM_TYPE_BASE +
        (status === 400 ? 'validation-failed' : titleFor(status).toLowerCase().replace(/ /g, '-')),
      title: titleFor(status),
      status,
      detail: errors ? `${errors.length} field(s) are invalid` : String(message ?? error.message),
      instance,
      ...(errors ? { errors } : {}),
    };
  }
  return { type: 'about:blank', title: 'Internal server error', status: 500, instance };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const problem = toProblem(error, request?.url);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    // RFC 9110: a 401 names the schemes that would be accepted.
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer, ApiKey header="X-Api-Key"');
    void reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
  }
}

/**
 * Errors the Fastify router raises before any route runs (a malformed URL, a path parameter longer than
 * the router accepts): Nest's filters never see them, so they are answered here as problem documents too.
 */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const tooLong = status === 414;
  void reply
    .status(status)
    .header('Content-Type', 'application/problem+json')
    .send({
      type: `${PROBLEM_TYPE_BASE}${tooLong ? 'uri-too-long' : 'bad-url'}`,
      title: tooLong ? 'URI too long' : 'Bad request',
      status,
      detail: tooLong
        ? 'A path parameter is longer than this API accepts; check the identifier in the address.'
        : 'The address is not a valid URL; check its percent-encoding.',
      instance: request.url.slice(0, 200),
    });
}
