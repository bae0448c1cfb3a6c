// A local webhook receiver: verifies each delivery's Standard Webhooks signature and timestamp and keeps
// what it received. It is what `npm run webhook:listen` runs for integrators trying the sandbox, and what
// the tests point the engine at. `respondWith` lets a test play an endpoint that fails for a while.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyDelivery, type Verification } from '../domain/webhook-signature';

export interface ReceivedDelivery {
  readonly webhookId: string | undefined;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly verification: Verification;
  readonly contentType: string | undefined;
  readonly body: string;
  /** The parsed CloudEvent (undefined when the body is not JSON). */
  readonly event: Record<string, unknown> | undefined;
  /** The status this receiver answered. */
  readonly answered: number;
}

export interface WebhookReceiverOptions {
  /** Secrets to verify with; deliveries signed by none of them are answered 401. */
  readonly secrets: () => readonly string[];
  readonly port?: number;
  readonly host?: string;
  readonly toleranceSeconds?: number;
  /** The status to answer a correctly signed delivery with (default 204). */
  readonly respondWith?: (delivery: Omit<ReceivedDelivery, 'answered'>) => number;
  readonly onDelivery?: (delivery: ReceivedDelivery) => void;
  /** Answer only after this long (a slow receiver: tests use it to have calls in flight). */
  readonly respondAfterMs?: () => number;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedDelivery[];
  close(): Promise<void>;
}

const first = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': first(req.headers, 'webhook-id'),
        'webhook-timestamp': first(req.headers, 'webhook-timestamp'),
        'webhook-signature': first(req.headers, 'webhook-signature'),
      };
      const verification = verifyDelivery(
        options.secrets(),
        headers,
        body,
        Math.floor(Date.now() / 1000),
        options.toleranceSeconds,
      );
      let event: Record<string, unknown> | undefined;
      try {
        event = JSON.parse(body) as Record<string, unknown>;
      } catch {
        event = undefined;
      }
      const delivery = {
        webhookId: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        verification,
        contentType: first(req.headers, 'content-type'),
        body,
        event,
      };
      const answered = verification.valid ? (options.respondWith?.(delivery) ?? 204) : 401;
      const complete = { ...delivery, answered };
      received.push(complete);
      options.onDelivery?.(complete);
      res.statusCode = answered;
      const delay = options.respondAfterMs?.() ?? 0;
      if (delay > 0) setTimeout(() => res.end(), delay);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost}:${port}/webhooks`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
