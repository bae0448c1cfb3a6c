// PostgreSQL's text and jsonb cannot hold U+0000, so a NUL anywhere in the input would only surface later
// as a database error (a 500). No legitimate value contains one: the request is refused up front, with the
// members that carry it, before any route's code runs. Found by schemathesis (a NUL in `?q=`).
import type { FastifyInstance } from 'fastify';
import type { FieldError } from './validation';
import { PROBLEM_TYPE_BASE } from './problem-details.filter';

const NUL = '\u0000';
/** A request body nests far less than this; deeper values are not walked (the DTO pipe refuses them). */
const MAX_DEPTH = 32;

/** JSON Pointer paths (RFC 6901) of every string or member name holding a NUL character. */
export function pathsWithNullCharacters(value: unknown, path = '', depth = 0): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path] : [];
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  const found: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    const memberPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key.includes(NUL)) found.push(memberPath);
    else found.push(...pathsWithNullCharacters(member, memberPath, depth + 1));
  }
  return found;
}

export function refuseNullCharacters(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request, reply) => {
    const errors: FieldError[] = [
      // Named as the validation pipe names them: a parameter or query member by its name alone.
      ...pathsWithNullCharacters(request.params),
      ...pathsWithNullCharacters(request.query),
      ...pathsWithNullCharacters(request.body),
    ].map((path) => ({ path, message: 'must not contain the NUL character (U+0000)' }));
    if (errors.length === 0) return;
    await reply
      .status(400)
      .header('Content-Type', 'application/problem+json')
      .send({
        type: `${PROBLEM_TYPE_BASE}validation-failed`,
        title: 'Bad request',
        status: 400,
        detail: `The request has ${errors.length} invalid member(s): ${errors.map((e) => e.path).join(', ')}`,
        instance: request.url.slice(0, 200),
        errors,
      });
  });
}
