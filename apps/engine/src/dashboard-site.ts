// Serves the analysts', agencies' and citizens' web dashboard (apps/dashboard, built by
// `npm run build:dashboard` into apps/dashboard/dist) at `/`. The app routes on the client, so any GET of a
// page path answers index.html; hashed assets answer as files. Paths under the API's own prefixes never fall
// back to the app: an unknown /v1/… still gets the platform's RFC 9457 404 through Fastify's not-found
// handler (which Nest installs), and the routes the engine defines win over this wildcard anyway.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** dist/apps/engine/src → the repository root → the built dashboard. */
export const DASHBOARD_ROOT = resolve(__dirname, '../../../../apps/dashboard/dist');

const API_PREFIXES = ['v1', 'docs', 'health', 'metrics'];

function isApiPath(path: string): boolean {
  const first = path.split('/')[0] ?? '';
  return API_PREFIXES.includes(first);
}

/** The last segment names a file (has an extension): answer it as a file or 404, never as the app. */
function isFilePath(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return last.includes('.');
}

export function serveDashboard(app: NestFastifyApplication, log: (line: string) => void): void {
  if (!existsSync(resolve(DASHBOARD_ROOT, 'index.html'))) {
    log(`dashboard not built (no ${DASHBOARD_ROOT}/index.html): run npm run build:dashboard`);
    return;
  }
  // serve: false — only reply.sendFile (content types, ETags, ranges, no path traversal); the routes are ours.
  void app.register(fastifyStatic, { root: DASHBOARD_ROOT, serve: false });
  const fastify = app.getHttpAdapter().getInstance();
  const page = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', DASHBOARD_ROOT, { cacheControl: false });
  fastify.get('/', (_request, reply) => page(reply));
  fastify.get('/*', (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const path = request.params['*'];
    if (isApiPath(path)) return reply.callNotFound();
    if (isFilePath(path)) {
      // Vite names built assets by content hash: they never change under the same name.
      const immutable = path.startsWith('assets/');
      return reply.sendFile(path, DASHBOARD_ROOT, {
        maxAge: immutable ? 365 * 24 * 3600 * 1000 : 0,
        immutable,
      });
    }
    return page(reply);
  });
}
