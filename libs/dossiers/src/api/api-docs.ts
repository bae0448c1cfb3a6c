// OpenAPI decorators shared by the dossier controllers, and the request context of a command.
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import type { RequestActor } from '@tthc/platform';
import type { DossierRequestContext } from '../application/dossier-command-path';
import { IdentityRequired, InvalidIdempotencyKey } from '../application/errors';
import { ActionNotAllowedProblemDto, DossierProblemDto, ValidationProblemDto } from './dossier-responses.dto';

/** Who calls: a bearer token (officials, integrations, citizens) or an integration's X-Api-Key. */
export const ApiActorHeaders = () =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiSecurity('api-key'),
    ApiHeader({
      name: 'X-Request-Id',
      required: false,
      description: 'Correlation id, stored with the events',
    }),
    ApiResponse({
      status: 401,
      type: DossierProblemDto,
      description: 'authentication-required or invalid-credentials (WWW-Authenticate names the schemes)',
    }),
    ApiResponse({
      status: 403,
      type: DossierProblemDto,
      description: 'role-not-allowed: the caller’s role may never do this',
    }),
  );

export const ApiIdempotencyKey = (required: string | false) =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      (required ? `${required}. ` : '') +
      'A retry with the same key and the same body returns the first answer (header Idempotent-Replayed: true) and changes nothing; the same key with another body is refused (422).',
  });

export const ApiBadRequest = (extra = '') =>
  ApiResponse({
    status: 400,
    type: ValidationProblemDto,
    description: `Malformed or unknown members of the body, query or path (all listed with their paths)${extra}`,
  });
export const ApiIdentityRequired = () =>
  ApiResponse({
    status: 401,
    type: DossierProblemDto,
    description: 'No credentials (authentication-required) or bad ones (invalid-credentials)',
  });
export const ApiNotFound = (what: string) =>
  ApiResponse({ status: 404, type: DossierProblemDto, description: what });
export const ApiActionConflict = () =>
  ApiResponse({
    status: 409,
    type: ActionNotAllowedProblemDto,
    description:
      'dossier-action-not-allowed: not possible in the current state or for this role; names the state and the actions allowed now. Also the rules of the one-stop shop: completion-already-requested, supplement-window-closed, apology-too-late, apology-already-issued, dossier-already-rated; and concurrency-conflict after repeated races.',
  });
export const ApiUnprocessable = (extra: string) =>
  ApiResponse({
    status: 422,
    type: DossierProblemDto,
    description: `idempotency-key-reused (the Idempotency-Key was used for another request); calendar-year-missing (a deadline falls in a year with no official calendar)${extra}`,
  });

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** @throws IdentityRequired without an actor; InvalidIdempotencyKey for a malformed key. */
export function commandContext(
  actor: RequestActor,
  correlationId: string,
  idempotencyKey: string | undefined,
): DossierRequestContext {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
    throw new InvalidIdempotencyKey();
  if (actor.role === 'anonymous') throw new IdentityRequired();
  return {
    actor: { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}) },
    correlationId,
    ...(idempotencyKey ? { commandId: idempotencyKey } : {}),
  };
}
