// The one gate every HTTP request passes: it verifies the caller's credentials (a bearer JWT or an
// X-Api-Key) and records the principal on the request, where @CurrentActor reads it. X-Actor-* headers are
// ignored: a caller is who its credentials say. Unauthenticated → 401, authenticated but the wrong role →
// 403, both as problem documents. A public route still verifies credentials that are sent (an official
// looking a dossier up sees more), and refuses bad ones rather than quietly treating the caller as anonymous.
import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_TYPE_BASE } from '../http/problem-details.filter';
import { ALLOWED_ROLES, ANY_OFFICIAL, AREA_SCOPED, PUBLIC_ROUTE } from './access.decorators';
import { ApiKeys } from './api-keys';
import { isOfficial, mayReadStatisticsOf, type Principal } from './roles';
import { InvalidCredentials, TokenVerifier } from './tokens';

const PRINCIPAL = Symbol('tthc.principal');
type WithPrincipal = { [PRINCIPAL]?: Principal };

/** The verified caller of this request, if it sent valid credentials. */
export function principalOf(request: object): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function unauthenticated(code: 'authentication-required' | 'invalid-credentials', detail: string) {
  return new HttpException(
    { type: PROBLEM_TYPE_BASE + code, title: 'Unauthorized', status: 401, detail },
    401,
  );
}

@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly tokens: TokenVerifier,
    @Inject(ApiKeys) private readonly apiKeys: ApiKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true;
    const principal = await this.authenticate(request);
    if (principal === undefined) {
      if (isPublic) return true;
      throw unauthenticated(
        'authentication-required',
        'Send a bearer token (Authorization: Bearer <JWT>) or an integration key (X-Api-Key). ' +
          'X-Actor-* headers are not credentials.',
      );
    }
    (request as WithPrincipal)[PRINCIPAL] = principal;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ALLOWED_ROLES, targets);
    if (
      roles &&
      !roles.includes(principal.role) &&
      !(roles.includes(ANY_OFFICIAL) && isOfficial(principal))
    ) {
      throw new HttpException(
        {
          type: PROBLEM_TYPE_BASE + 'role-not-allowed',
          title: 'Forbidden',
          status: 403,
          detail: `The role "${principal.role}" may not do this.`,
          role: principal.role,
          allowedRoles: roles.map((role) => (role === ANY_OFFICIAL ? 'any official of an agency' : role)),
        },
        403,
      );
    }
    const areaMember = this.reflector.getAllAndOverride<string | false | undefined>(AREA_SCOPED, targets);
    if (typeof areaMember === 'string') {
      const asked = single((request.query as Record<string, string | string[] | undefined>)[areaMember]);
      if (!mayReadStatisticsOf(principal, asked)) {
        throw new HttpException(
          {
            type: PROBLEM_TYPE_BASE + 'area-scope-violation',
            title: 'Forbidden',
            status: 403,
            detail:
              asked === undefined
                ? `${principal.id} sees one area only: name the agency (${areaMember}).`
                : `${principal.id} may not see the statistics of ${asked}.`,
            ...(asked === undefined ? {} : { agencyCode: asked }),
          },
          403,
        );
      }
    }
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal | undefined> {
    const authorization = single(request.headers.authorization);
    const apiKey = single(request.headers['x-api-key']);
    if (authorization !== undefined && apiKey !== undefined) {
      throw unauthenticated('invalid-credentials', 'Send either a bearer token or an X-Api-Key, not both.');
    }
    if (apiKey !== undefined) {
      const principal = await this.apiKeys.authenticate(apiKey.trim());
      if (!principal) throw unauthenticated('invalid-credentials', 'The API key is unknown or revoked.');
      return principal;
    }
    if (authorization === undefined) return undefined;
    const match = /^Bearer\s+(\S{1,8192})$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('invalid-credentials', 'Authorization must be "Bearer <JWT>".');
    try {
      return await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidCredentials) throw unauthenticated('invalid-credentials', error.message);
      throw error;
    }
  }
}
