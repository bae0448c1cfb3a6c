// Who is calling: the principal the AuthenticationGuard verified (bearer token or API key), or the
// anonymous caller of a public route. X-Actor-* headers are not read: they prove nothing. Handlers take the
// actor from here and nowhere else.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/authentication.guard';
import type { Principal } from '../auth/roles';

export type RequestActor = Principal;

export const ANONYMOUS: RequestActor = { id: 'anonymous', role: 'anonymous' };

export function actorFromRequest(request: FastifyRequest): RequestActor {
  return principalOf(request) ?? ANONYMOUS;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor =>
  actorFromRequest(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * The request's correlation id: its request id (http/request-id.ts), which is X-Request-Id when the caller gave
 * a usable one and a random UUID otherwise, the same id pino writes on the request's log lines.
 */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return String(request.id);
});
