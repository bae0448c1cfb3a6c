// OpenAPI decorators the registry's controllers share, and turning request headers into a command context.
import { applyDecorators, HttpException } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiBody, ApiHeader, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_TYPE_BASE, type RequestActor } from '@tthc/platform';
import { SYSTEM_ROLE } from '../application/authorization';
import type { RequestContext } from '../application/request-context';
import { YAML_MEDIA_TYPES } from '../infrastructure/yaml-body-parser';
import {
  BadRequestProblemDto,
  ConflictProblemDto,
  DefinitionProblemDto,
  DirectoryProblemDto,
  ProblemDto,
} from './problem.dto';

/** Who acts: a bearer token; system administrators act for every agency, officials for their own. */
export const ApiActorHeaders = () =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiHeader({
      name: 'X-Request-Id',
      required: false,
      description: 'Correlation id, stored with the events',
    }),
    ApiResponse({
      status: 401,
      type: ProblemDto,
      description: 'No credentials (authentication-required) or bad ones (invalid-credentials)',
    }),
  );

export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key and request returns the first answer and changes nothing',
  });

export const ApiDefinitionBody = () =>
  applyDecorators(
    ApiConsumes('application/json', ...YAML_MEDIA_TYPES, 'text/plain'),
    ApiBody({
      description:
        'A procedure definition as JSON, or as YAML text (see /docs/procedure-definition.schema.json and docs/procedure-definition.md)',
      schema: { type: 'object', additionalProperties: true },
    }),
  );

export const ApiBadRequest = () =>
  ApiResponse({
    status: 400,
    type: BadRequestProblemDto,
    description:
      'Malformed parameters, or unknown members in the body or query (all listed with their paths)',
  });
export const ApiForbidden = () =>
  ApiResponse({
    status: 403,
    type: ProblemDto,
    description: 'The actor may not act for this agency (an official of another agency, or no identity)',
  });
export const ApiNotFound = (what: string) =>
  ApiResponse({ status: 404, type: ProblemDto, description: what });
export const ApiConflict = (what: string) =>
  ApiResponse({ status: 409, type: ConflictProblemDto, description: what });
export const ApiInvalidDefinition = () =>
  ApiResponse({
    status: 422,
    type: DefinitionProblemDto,
    description:
      'The definition does not validate: every error at once, each with a JSON Pointer, a line when sent as text, and sentences in English and Vietnamese. Also: an Idempotency-Key reused for another request.',
  });
export const ApiKeyReused = () =>
  ApiResponse({
    status: 422,
    type: ProblemDto,
    description: 'The Idempotency-Key was already used for a different request',
  });
export const ApiInvalidRecord = () =>
  ApiResponse({
    status: 422,
    type: DirectoryProblemDto,
    description:
      'The record breaks a rule (periods, references to unknown agencies or units), all listed in `errors`. Also: an Idempotency-Key reused for another request (no `errors`).',
  });

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function requestContext(
  actor: RequestActor,
  correlationId: string,
  idempotencyKey?: string,
): RequestContext {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new HttpException(
      {
        type: PROBLEM_TYPE_BASE + 'validation-failed',
        title: 'Bad request',
        status: 400,
        detail: 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
        errors: [{ path: '/headers/idempotency-key', message: 'must be 1 to 200 visible ASCII characters' }],
      },
      400,
    );
  }
  if (actor.role === SYSTEM_ROLE) {
    throw new HttpException(
      {
        type: PROBLEM_TYPE_BASE + 'not-allowed',
        title: 'Forbidden',
        status: 403,
        detail: 'The role "system" is reserved to the engine itself.',
        detailVi: 'Vai trò "system" chỉ dành cho chính hệ thống.',
      },
      403,
    );
  }
  return {
    actor: { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}) },
    correlationId,
    ...(idempotencyKey ? { commandId: idempotencyKey } : {}),
  };
}
