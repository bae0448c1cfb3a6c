// Sends queued webhook deliveries. Guarantees:
// - at-least-once: a row leaves `pending` only after a 2xx answer (→ delivered) or when its retry window
//   closes (→ dead, the dead-letter list). A dispatcher that dies mid-call leaves a lease that expires,
//   and the row is sent again; receivers deduplicate by the CloudEvent id (= `webhook-id`).
// - strictly in order per dossier and endpoint: only the pending row with the lowest stream version of a
//   (subscription, dossier) pair is eligible, so a dossier's next event waits until the previous one is
//   delivered or dead-lettered. Other dossiers are not held up.
// - several dispatchers (several api/engine processes) may run: rows are claimed with
//   FOR UPDATE SKIP LOCKED and a lease, and a claimed row keeps blocking its successors.
// Times are the application clock throughout (claims, leases, schedules), so one clock decides.
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Gauge, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type WebhookConfig } from '@tthc/platform';
import { afterFailure, type RetryPolicy } from '../domain/retry-schedule';
import { signDelivery, type SignedHeaders } from '../domain/webhook-signature';
import { publicOnlyLookup, refusedLiteral } from './webhook-target-guard';

interface ClaimedRow {
  id: string;
  event_id: string;
  payload: Record<string, unknown>;
  attempts: number;
  window_started_at: Date;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

export type AttemptOutcome =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly status: number | null; readonly error: string };

export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
const BATCH = 20;

export class WebhookDispatcher {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly db: DataSource,
    private readonly config: WebhookConfig,
    private readonly log: { warn(m: string): void; error(m: string): void },
    private readonly random: () => number = Math.random,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get policy(): RetryPolicy {
    return {
      baseDelayMs: this.config.retryBaseMs,
      maxDelayMs: this.config.retryMaxDelayMs,
      windowMs: this.config.retryWindowMs,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the calls in flight (bounded by the HTTP timeout), then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.dispatchDue();
      } catch (error) {
        this.log.error(`webhook dispatch failed: ${String(error)}`);
      }
      if (sent === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.config.pollIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** Claims the due heads of their dossiers' queues and attempts them; returns how many were attempted. */
  async dispatchDue(): Promise<number> {
    const now = this.clock();
    // The HTTP call is cut at the timeout; twice that leaves room for the status update. A lease held
    // by a dispatcher that died expires after it, and the row is sent again.
    const leaseUntil = new Date(now.getTime() + 2 * this.config.timeoutMs);
    const claimed = (await this.db.query(
      `WITH due AS (
         SELECT h.id FROM webhook_deliveries h
         JOIN webhook_subscriptions s ON s.id = h.subscription_id AND s.active
         WHERE h.status = 'pending' AND h.next_attempt_at <= $1
           AND (h.leased_until IS NULL OR h.leased_until <= $1)
           AND NOT EXISTS (
             SELECT 1 FROM webhook_deliveries p
             WHERE p.subscription_id = h.subscription_id AND p.stream_id = h.stream_id
               AND p.status = 'pending' AND p.stream_version < h.stream_version)
         ORDER BY h.next_attempt_at, h.id
         LIMIT $2
         FOR UPDATE OF h SKIP LOCKED)
       UPDATE webhook_deliveries d SET leased_until = $3
       FROM due, webhook_subscriptions s
       WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id::text AS id, d.event_id, d.payload, d.attempts, d.window_started_at, s.url, s.secret,
         s.previous_secret, s.previous_secret_expires_at`,
      [now, BATCH, leaseUntil],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    const rows = (Array.isArray(claimed[0]) ? claimed[0] : claimed) as ClaimedRow[];
    await Promise.all(rows.map((row) => this.attempt(row)));
    return rows.length;
  }

  private async attempt(row: ClaimedRow): Promise<void> {
    const now = this.clock();
    const body = JSON.stringify(row.payload);
    const secrets = [row.secret];
    if (row.previous_secret && row.previous_secret_expires_at && row.previous_secret_expires_at > now) {
      secrets.push(row.previous_secret);
    }
    const signed = signDelivery(secrets, row.event_id, Math.floor(now.getTime() / 1000), body);
    const outcome = await this.post(row.url, body, signed);
    const attempts = row.attempts + 1;
    const at = this.clock();
    if (outcome.ok) {
      await this.db.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $2, attempts = $3, leased_until = NULL,
           last_attempt_at = $2, last_response_status = $4, last_error = NULL
         WHERE id = $1 AND status = 'pending'`,
        [row.id, at, attempts, outcome.status],
      );
      return;
    }
    const decision = afterFailure(this.policy, attempts, new Date(row.window_started_at), at, this.random());
    if (decision.kind === 'retry') {
      await this.db.query(
        `UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = $3, leased_until = NULL,
           last_attempt_at = $4, last_response_status = $5, last_error = $6
         WHERE id = $1 AND status = 'pending'`,
        [row.id, attempts, decision.at, at, outcome.status, outcome.error],
      );
    } else {
      this.log.warn(`webhook delivery ${row.id} to ${row.url} dead-lettered after ${attempts} attempts`);
      await this.db.query(
        `UPDATE webhook_deliveries SET status = 'dead', dead_at = $2, attempts = $3, leased_until = NULL,
           last_attempt_at = $2, last_response_status = $4, last_error = $5
         WHERE id = $1 AND status = 'pending'`,
        [row.id, at, attempts, outcome.status, outcome.error],
      );
    }
  }

  /**
   * One HTTP attempt. Redirects are not followed: an endpoint answers where it was registered. Unless
   * private targets are allowed, the address connected to must be public (webhook-target-guard.ts).
   */
  private async post(url: string, body: string, signed: SignedHeaders): Promise<AttemptOutcome> {
    try {
      const target = new URL(url);
      const guarded = !this.config.allowPrivateTargets;
      const literal = guarded ? refusedLiteral(target) : undefined;
      if (literal) return { ok: false, status: null, error: literal.message };
      const status = await new Promise<number>((resolve, reject) => {
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
        const request = send(
          target,
          {
            method: 'POST',
            headers: {
              'content-type': WEBHOOK_CONTENT_TYPE,
              'content-length': Buffer.byteLength(body),
              'user-agent': 'tthc-engine-webhooks/1',
              ...signed,
            },
            lookup: guarded ? publicOnlyLookup : undefined,
            signal: AbortSignal.timeout(this.config.timeoutMs),
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      if (status >= 200 && status < 300) return { ok: true, status };
      return { ok: false, status, error: `HTTP ${status}` };
    } catch (error) {
      const e = error as { code?: string; message?: string };
      return {
        ok: false,
        status: null,
        error: e.code && e.code !== 'ABORT_ERR' ? e.code : (e.message ?? String(error)),
      };
    }
  }
}

/** Runs the dispatcher in this process unless WEBHOOKS_DISPATCH_ENABLED=false. */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private dispatcher?: WebhookDispatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(getDataSourceToken()) private readonly db: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.webhooks.dispatchEnabled) return;
    this.dispatcher = new WebhookDispatcher(this.db, this.config.webhooks, {
      warn: (m) => this.logger.warn(m),
      error: (m) => this.logger.error(m),
    });
    this.dispatcher.start();
    registerQueueGauges(this.db);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.dispatcher?.stop();
  }
}

/**
 * What an operator watches (/metrics): deliveries waiting and dead-lettered, and how long the oldest pending
 * one has waited (a growing age means an endpoint is failing or the dispatcher is not running).
 */
function registerQueueGauges(db: DataSource): void {
  register.removeSingleMetric('tthc_webhook_deliveries');
  register.removeSingleMetric('tthc_webhook_oldest_pending_seconds');
  new Gauge({
    name: 'tthc_webhook_deliveries',
    help: 'Webhook deliveries pending or dead-lettered',
    labelNames: ['status'],
    async collect() {
      const rows = (await db
        .query(
          `SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE status IN ('pending', 'dead') GROUP BY status`,
        )
        .catch(() => [])) as { status: string; n: number }[];
      for (const status of ['pending', 'dead'])
        this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
  new Gauge({
    name: 'tthc_webhook_oldest_pending_seconds',
    help: 'Age of the oldest pending webhook delivery',
    async collect() {
      const rows = (await db
        .query(
          `SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS age
           FROM webhook_deliveries WHERE status = 'pending'`,
        )
        .catch(() => [{ age: -1 }])) as { age: number }[];
      this.set(rows[0]?.age ?? 0);
    },
  });
}
