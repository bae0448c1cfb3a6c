// A small HTTP load balancer for the local cluster: round-robin over the api processes, with a backend
// taken out of rotation when its readiness probe fails or a connection to it is refused, and put back
// when the probe answers again. It stands in for the nginx of deploy/compose or a Kubernetes Service
// on a developer's machine; it is not meant to face the internet.
//
// Request bodies are buffered (up to the apps' own body limit) so that a request whose connection was
// refused can go to the next backend: nothing reached the refused one, so the retry cannot apply a
// command twice. A connection that fails after the request was sent is answered 502, never retried.
//
// It is the edge: X-Forwarded-For is set to the address of the client connected to it, replacing whatever
// the client sent, and the api processes trust it as a proxy (TRUSTED_PROXIES, local-cluster.ts). Appending
// instead would let a client on this machine (itself a trusted loopback address) forge the address the rate
// limits count.
import { Agent, request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Backend {
  readonly url: string;
  healthy: boolean;
}

export interface LoadBalancerOptions {
  /** Port to listen on (0 = a free one). */
  readonly port: number;
  readonly host?: string;
  /** Path probed on every backend; a non-2xx answer or no answer takes it out of rotation. */
  readonly healthPath?: string;
  readonly probeIntervalMs?: number;
  readonly maxBodyBytes?: number;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

export class RoundRobinLoadBalancer {
  private readonly backends: Backend[] = [];
  private next = 0;
  private server?: Server;
  private probeTimer?: NodeJS.Timeout;
  private served = new Map<string, number>();

  constructor(private readonly options: LoadBalancerOptions) {}

  /** Adds a backend (assumed healthy until its first probe says otherwise). */
  add(url: string): void {
    if (!this.backends.some((b) => b.url === url)) this.backends.push({ url, healthy: true });
  }

  remove(url: string): void {
    const i = this.backends.findIndex((b) => b.url === url);
    if (i >= 0) this.backends.splice(i, 1);
  }

  list(): readonly Backend[] {
    return this.backends.map((b) => ({ ...b }));
  }

  /** Requests answered by each backend so far (to show that the load was spread). */
  requestsServed(): ReadonlyMap<string, number> {
    return new Map(this.served);
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      void this.handle(req)
        .then((answer) => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { 'content-type': 'application/problem+json' });
          res.end(
            JSON.stringify({
              type: 'about:blank',
              title: 'Bad Gateway',
              status: 502,
              detail: error instanceof Error ? error.message : String(error),
            }),
          );
        });
    });
    this.server = server;
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => done());
    });
    const interval = this.options.probeIntervalMs ?? 1000;
    this.probeTimer = setInterval(() => void this.probeAll(), interval);
    this.probeTimer.unref();
    const { port } = server.address() as AddressInfo;
    return `http://${this.options.host ?? '127.0.0.1'}:${port}`;
  }

  async stop(): Promise<void> {
    if (this.probeTimer) clearInterval(this.probeTimer);
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeIdleConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  /** Probes every backend once now (the timer does it periodically). */
  async probeAll(): Promise<void> {
    const path = this.options.healthPath ?? '/health/ready';
    await Promise.all(
      this.backends.map(async (backend) => {
        try {
          const res = await fetch(`${backend.url}${path}`, { signal: AbortSignal.timeout(3000) });
          await res.arrayBuffer();
          backend.healthy = res.ok;
        } catch {
          backend.healthy = false;
        }
      }),
    );
  }

  private pick(exclude: Set<string>): Backend | undefined {
    const candidates = this.backends.filter((b) => b.healthy && !exclude.has(b.url));
    if (candidates.length === 0) return undefined;
    const chosen = candidates[this.next % candidates.length];
    this.next = (this.next + 1) % Number.MAX_SAFE_INTEGER;
    return chosen;
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    const body = await readBody(req, this.options.maxBodyBytes ?? 2 * 1024 * 1024);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers['x-forwarded-for'] = clientAddress(req);
    headers['content-length'] = String(body.length);

    const tried = new Set<string>();
    for (;;) {
      const backend = this.pick(tried);
      if (!backend) {
        return {
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
          body: Buffer.from(
            JSON.stringify({
              type: 'about:blank',
              title: 'Service Unavailable',
              status: 503,
              detail: 'no healthy api process',
            }),
          ),
        };
      }
      tried.add(backend.url);
      try {
        const answer = await forward(backend.url, req.method ?? 'GET', req.url ?? '/', headers, body);
        this.served.set(backend.url, (this.served.get(backend.url) ?? 0) + 1);
        return answer;
      } catch (error) {
        if (!isRefused(error)) throw error;
        // Nothing reached it: take it out of rotation until a probe answers, try the next one.
        backend.healthy = false;
      }
    }
  }
}

/** The connected client's address, IPv4-mapped IPv6 written as IPv4; never what the client claims. */
export function clientAddress(req: Pick<IncomingMessage, 'socket'>): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function isRefused(error: unknown): boolean {
  return (error as { code?: string }).code === 'ECONNREFUSED';
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        fail(new Error(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => done(Buffer.concat(chunks)));
    req.once('error', fail);
  });
}

// No kept-alive sockets to the backends: a reset on a reused socket could not tell whether the request
// had been processed, and this balancer must never guess about a command.
const agent = new Agent({ keepAlive: false });

function forward(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string | string[]>,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
  const target = new URL(path, base);
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      target,
      { method, headers: { ...headers, host: target.host }, timeout: 60_000, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', fail);
        res.once('end', () => {
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'content-length') out[name] = value;
          }
          done({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
      },
    );
    outgoing.once('timeout', () => outgoing.destroy(new Error(`${base} did not answer in time`)));
    outgoing.once('error', fail);
    outgoing.end(body);
  });
}
