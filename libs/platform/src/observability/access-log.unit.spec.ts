// The access line as pino-http writes it for a Fastify request, wired as the apps wire it (Nest's middleware
// runs pino-http on the raw request in an onRequest hook; bootstrap.ts adds recordRequestsForAccessLog).
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pinoHttp } from 'pino-http';
import { requestIdOf } from '../http/request-id';
import { ACCESS_LOG_MESSAGE, ACCESS_LOG_OPTIONS, recordRequestsForAccessLog } from './access-log';

type Line = Record<string, unknown>;

async function served(requests: { url: string; headers?: Record<string, string> }[]): Promise<Line[]> {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const logger = pinoHttp({ genReqId: (req) => requestIdOf(req), ...ACCESS_LOG_OPTIONS }, stream);
  const app = Fastify({ genReqId: requestIdOf });
  recordRequestsForAccessLog(app);
  app.addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: unknown }).id = request.id; // as @fastify/middie does
    logger(request.raw, reply.raw, () => done());
  });
  app.get('/v1/lookup', async (_request, reply) => reply.status(404).send({ type: 'dossier-not-found' }));
  app.get('/v1/dossiers/:id', async () => ({ ok: true }));
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const { url, headers } of requests) await (await fetch(`${base}${url}`, { headers })).arrayBuffer();
  await app.close();
  await new Promise((resolve) => setImmediate(resolve));
  return lines;
}

describe('the access line', () => {
  it('holds the route pattern, method, status, duration and actor under the request id, nothing else', async () => {
    const [line] = await served([
      { url: '/v1/lookup?code=000.31.18.H56-260302-0001&verification=0905123456' },
    ]);
    expect(line).toMatchObject({
      msg: ACCESS_LOG_MESSAGE,
      level: 30,
      reqId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      method: 'GET',
      route: '/v1/lookup',
      status: 404,
      durationMs: expect.any(Number),
      actorId: 'anonymous',
      actorRole: 'anonymous',
    });
    expect(Object.keys(line).sort()).toEqual(
      [
        'actorId',
        'actorRole',
        'durationMs',
        'hostname',
        'level',
        'method',
        'msg',
        'pid',
        'reqId',
        'route',
        'status',
        'time',
      ].sort(),
    );
    const text = JSON.stringify(line);
    for (const value of ['0905123456', '000.31.18.H56-260302-0001', 'verification', 'code=']) {
      expect(text).not.toContain(value);
    }
  });

  it('names the pattern, not the path, and one line per request', async () => {
    const lines = await served([
      { url: '/v1/dossiers/4b3f0c2e-1111-4222-8333-444455556666' },
      { url: '/nowhere' },
    ]);
    expect(lines.map((l) => [l.route, l.status])).toEqual([
      ['/v1/dossiers/:id', 200],
      ['(no route)', 404],
    ]);
    expect(JSON.stringify(lines)).not.toContain('4b3f0c2e');
  });

  it('keeps a usable X-Request-Id as the request id, and replaces one that is not', async () => {
    const lines = await served([
      { url: '/v1/lookup', headers: { 'x-request-id': 'portal-7f3a' } },
      { url: '/v1/lookup', headers: { 'x-request-id': 'x'.repeat(201) } },
      { url: '/v1/lookup' },
      { url: '/v1/lookup' },
    ]);
    expect(lines[0].reqId).toBe('portal-7f3a');
    expect(lines[1].reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[2].reqId).not.toBe(lines[3].reqId);
  });
});
