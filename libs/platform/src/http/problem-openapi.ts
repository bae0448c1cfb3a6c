// The OpenAPI document as the API really answers errors, applied once to the whole document rather than
// on each of the controllers' decorators:
// - every error response (4xx, 5xx) is served by ProblemDetailsFilter as `application/problem+json`, so
//   that is the media type documented (Nest's decorators write `application/json`);
// - the strict validation pipe and the HTTP layer can refuse ANY operation's input: an operation with
//   parameters or a body documents 400, and one with a body documents 413 and 415.
// Found by schemathesis (scripts/fuzz-api.sh): undocumented content types and status codes.
import type { OpenAPIObject } from '@nestjs/swagger';

const PROBLEM = 'application/problem+json';

type Responses = Record<string, { description?: string; content?: Record<string, unknown> }>;
interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Responses;
}

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

const generic = (description: string) => ({ description, content: { [PROBLEM]: { schema: problemSchema } } });

export function documentProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation === undefined) continue;
      const responses: Responses = (operation.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status) || response.content === undefined) continue;
        const json = response.content['application/json'];
        if (json !== undefined && response.content[PROBLEM] === undefined) {
          response.content = { [PROBLEM]: json };
        }
      }
      const hasInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      if (hasInput && responses['400'] === undefined) {
        responses['400'] = generic('Malformed or unknown members of the path, query, headers or body');
      }
      if (operation.requestBody !== undefined) {
        responses['413'] ??= generic('The body is larger than the limit (BODY_LIMIT_BYTES)');
        responses['415'] ??= generic('The body is not of a media type this operation accepts');
      }
    }
  }
  return document;
}
