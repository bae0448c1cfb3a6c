// The local cluster's load balancer is the edge of `npm run cluster`: it writes X-Forwarded-For itself (the
// address of the client connected to it, whatever the client sent), and the api processes behind it trust it
// as a proxy (TRUSTED_PROXIES), so the rate limits count the real client. The apps here are stand-ins that
// echo what they received: the wiring is under test, not the engine (tests/security/client-address.e2e.spec.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { scratchDirectory } from '@tthc/testing';
import { RoundRobinLoadBalancer } from './load-balancer';
import { BALANCER_ADDRESS, LocalCluster } from './local-cluster';

/** A stand-in app: ready at once; any other path answers what it received and the TRUSTED_PROXIES it got. */
const ECHO_APP = `
const http = require('node:http');
http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ trustedProxies: process.env.TRUSTED_PROXIES ?? null, forwardedFor: req.headers['x-forwarded-for'] ?? null }));
}).listen(Number(process.env.PORT), process.env.HOST);
`;

describe('the local cluster’s load balancer as the trusted edge', () => {
  it('replaces a forged X-Forwarded-For with the address of the connected client', async () => {
    let seen: IncomingHttpHeaders = {};
    const backend: Server = createServer((req, res) => {
      seen = req.headers;
      res.end('ok');
    });
    await new Promise<void>((done) => backend.listen(0, '127.0.0.1', done));
    const balancer = new RoundRobinLoadBalancer({ port: 0 });
    balancer.add(`http://127.0.0.1:${(backend.address() as { port: number }).port}`);
    const url = await balancer.start();
    try {
      const res = await fetch(`${url}/v1/lookup`, {
        headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.1' },
      });
      expect(await res.text()).toBe('ok');
      expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    } finally {
      await balancer.stop();
      await new Promise((done) => backend.close(done));
    }
  });

  it('starts the api processes trusting the balancer alone, which forwards the real client', async () => {
    const appsDir = scratchDirectory('tthc-cluster-apps-');
    for (const app of ['api', 'projector']) {
      mkdirSync(join(appsDir, app, 'src'), { recursive: true });
      writeFileSync(join(appsDir, app, 'src', 'main.js'), ECHO_APP);
    }
    const cluster = await LocalCluster.start({
      apis: 2,
      projectors: 0,
      kafkaBrokers: ['127.0.0.1:9'],
      databaseUrl: 'postgresql://unused@127.0.0.1:9/unused',
      dataDir: scratchDirectory('tthc-cluster-data-'),
      appsDir,
      // An inherited setting does not widen whom the api processes trust.
      baseEnv: { PATH: process.env.PATH, TRUSTED_PROXIES: '0.0.0.0/1' },
      readyTimeoutMs: 30_000,
    });
    try {
      for (const api of cluster.list('api')) {
        const direct = (await (await fetch(`${api.baseUrl}/x`)).json()) as { trustedProxies: string };
        expect(direct.trustedProxies).toBe(BALANCER_ADDRESS);
      }
      const answer = (await (
        await fetch(`${cluster.url}/v1/lookup`, { headers: { 'x-forwarded-for': '203.0.113.7' } })
      ).json()) as { forwardedFor: string };
      expect(answer.forwardedFor).toBe('127.0.0.1');
    } finally {
      await cluster.stop();
    }
  });
});
