// The OpenAPI document as the API really answers errors, applied once to the whole document rather than
// on each of the controllers' decorators:
// - every error response (4xx, 5xx) is served by ProblemDetailsFilter as `application/problem+json`, so
//   that is the media type documented (Nest's decorators write `application/json`);
// - a path parameter every route has but a controller forgot to declare is declared (a string);
// - every /v1 operation may answer 401 and 403 (authentication and authorization are global guards) and 429
//   (the rate limit applies to every client, and the citizen lookup has a stricter one);
// - the strict validation pipe and the HTTP layer can refuse ANY operation's input: an operation with
//   parameters or a body documents 400, and one with a body documents 413 and 415.
// Found by schemathesis (scripts/fuzz-api.sh): undocumented content types and status codes.
import type { OpenAPIObject } from '@nestjs/swagger';

const PROBLEM = 'application/problem+json';

type Parameter = { name?: string; in?: string };
type Responses = Record<string, { description?: string; content?: Record<string, unknown> }>;
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
  responses?: Responses;
}

/** RFC 9457: the members every problem document has; operations document their own richer ones. */
const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
};

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const generic = (description: string) => ({ description, content: { [PROBLEM]: { schema: PROBLEM_REF } } });

/** A `{name}` in the path that no decorator declared is still a required string parameter. */
function declarePathParameters(path: string, operation: Operation): void {
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const declared = (operation.parameters ?? []).some((p) => p.in === 'path' && p.name === name);
    if (!declared) {
      (operation.parameters ??= []).push({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      } as Parameter);
    }
  }
}

export function documentProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem ??= problemSchema;
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation === undefined) continue;
      const responses: Responses = (operation.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status) || response.content === undefined) continue;
        // Also where the operation produces something else (a diagram as text/plain or SVG): errors are
        // still problem documents.
        const schema = response.content[PROBLEM] ?? response.content['application/json'];
        response.content = { [PROBLEM]: schema ?? { schema: PROBLEM_REF } };
      }
      declarePathParameters(path, operation);
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      // The router refuses a path parameter longer than it accepts before any route runs.
      if (path.includes('{'))
        responses['414'] ??= generic('A path parameter is longer than the router accepts');
      if (hasInput && responses['400'] === undefined) {
        responses['400'] = generic('Malformed or unknown members of the path, query, headers or body');
      }
      // The authentication guard refuses bad credentials on every route, public ones included, and a role
      // or scope check can refuse any business route: both are possible answers of every /v1 operation.
      if (path.startsWith('/v1/')) {
        responses['401'] ??= generic('Missing, invalid or expired credentials (bearer token or X-Api-Key)');
        responses['403'] ??= generic('The caller’s role or scope may not do this');
        responses['429'] ??= generic(
          'Too many requests from this client; retry after the time in Retry-After',
        );
      }
      if (operation.requestBody !== undefined) {
        responses['413'] ??= generic('The body is larger than the limit (BODY_LIMIT_BYTES)');
        responses['415'] ??= generic('The body is not of a media type this operation accepts');
      }
    }
  }
  return document;
}
