// Who is calling. Until authentication lands (JWT / API keys, issue 8) the caller states its identity
// in X-Actor-Id / X-Actor-Role / X-Actor-Agency headers, which is only acceptable for the embedded
// development default. Handlers take the actor from here and nowhere else, so the seam stays in one place.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface RequestActor {
  readonly id: string;
  readonly role: string;
  readonly agency?: string;
}

export const ANONYMOUS: RequestActor = { id: 'anonymous', role: 'anonymous' };

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length <= 200 ? first : undefined;
}

export function actorFromRequest(request: FastifyRequest): RequestActor {
  const id = header(request, 'x-actor-id');
  const role = header(request, 'x-actor-role');
  if (!id || !role) return ANONYMOUS;
  return { id, role, agency: header(request, 'x-actor-agency') };
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestActor =>
  actorFromRequest(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** The request's correlation id: X-Request-Id when given, else the id the logger assigned. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return header(request, 'x-request-id') ?? String(request.id);
});
