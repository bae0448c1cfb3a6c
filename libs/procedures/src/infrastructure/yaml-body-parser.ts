// Definitions may be posted as YAML (what agencies write). Fastify parses JSON and text/plain itself; this
// adds the YAML media types, handing the handler the raw text (parsed with line numbers by the domain).
import type { HttpAdapterHost } from '@nestjs/core';
import { BODY_LIMIT_BYTES } from '@tthc/platform';

export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

interface FastifyLike {
  hasContentTypeParser(type: string): boolean;
  addContentTypeParser(
    type: string[],
    options: { parseAs: 'string'; bodyLimit: number },
    parser: (request: unknown, body: string, done: (error: Error | null, body?: unknown) => void) => void,
  ): void;
}

export function registerYamlBodyParser(host: HttpAdapterHost | undefined): void {
  const adapter = host?.httpAdapter;
  if (adapter === undefined || adapter.getType() !== 'fastify') return;
  const fastify = adapter.getInstance<FastifyLike>();
  const missing = YAML_MEDIA_TYPES.filter((type) => !fastify.hasContentTypeParser(type));
  if (missing.length === 0) return;
  fastify.addContentTypeParser(
    missing,
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );
}
