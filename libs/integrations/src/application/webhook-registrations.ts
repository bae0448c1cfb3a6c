// Registering, reading, rotating and retiring webhook endpoints, and the deliveries an endpoint has had.
// Endpoints are configuration rows, not an event-sourced aggregate: nothing in the domain's history depends
// on them, and their secrets must be erasable, which events never are.
import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DOSSIER_EVENT_TYPES } from '@tthc/dossiers';
import { APP_CONFIG, type AppConfig, type RequestActor } from '@tthc/platform';
import { procedureStreamId } from '@tthc/procedures';
import { secretFromBytes } from '../domain/webhook-signature';
import type { StatusMappingOverride } from '../domain/portal-status';
import { nonPublicTarget } from '../domain/webhook-target';
import {
  InvalidWebhookRegistration,
  UnknownWebhookProcedure,
  WebhookNotFound,
  type FieldProblem,
} from './errors';
import { assertCanManageWebhooks, seesAll } from './webhook-access';

export interface WebhookRegistration {
  readonly url: string;
  readonly description?: string;
  readonly procedureCode?: string;
  readonly agencyCode?: string;
  readonly eventTypes?: readonly string[];
  readonly statusMapping?: Record<string, string | null>;
}

export interface WebhookView {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly procedureCode: string | null;
  readonly agencyCode: string | null;
  readonly eventTypes: string[];
  readonly statusMapping: StatusMappingOverride;
  readonly active: boolean;
  readonly ownerId: string;
  readonly createdAt: string;
  /** Until when the secret before the last rotation is still signed with (null: no rotation in grace). */
  readonly previousSecretValidUntil: string | null;
}

export interface DeliveryView {
  readonly id: string;
  readonly webhookId: string;
  readonly eventId: string;
  readonly dossierId: string;
  readonly streamVersion: number;
  readonly eventType: string;
  readonly status: 'pending' | 'delivered' | 'dead';
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastAttemptAt: string | null;
  readonly lastResponseStatus: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: string | null;
  readonly deadAt: string | null;
  readonly replays: number;
  readonly createdAt: string;
}

interface SubscriptionRow {
  id: string;
  owner_id: string;
  url: string;
  description: string | null;
  procedure_code: string | null;
  agency_code: string | null;
  event_types: string[];
  status_mapping: StatusMappingOverride;
  active: boolean;
  created_at: Date;
  previous_secret_expires_at: Date | null;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  status: DeliveryView['status'];
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_response_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  dead_at: Date | null;
  replays: number;
  created_at: Date;
}

export const DELIVERY_COLUMNS = `id::text AS id, subscription_id, event_id, stream_id, stream_version, event_type,
  status, attempts, next_attempt_at, last_attempt_at, last_response_status, last_error, delivered_at, dead_at,
  replays, created_at`;

const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(DOSSIER_EVENT_TYPES);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function deliveryView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    webhookId: r.subscription_id,
    eventId: r.event_id,
    dossierId: r.stream_id.replace(/^dossier-/, ''),
    streamVersion: r.stream_version,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastAttemptAt: iso(r.last_attempt_at),
    lastResponseStatus: r.last_response_status,
    lastError: r.last_error,
    deliveredAt: iso(r.delivered_at),
    deadAt: iso(r.dead_at),
    replays: r.replays,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

function view(r: SubscriptionRow, now: Date): WebhookView {
  const grace =
    r.previous_secret_expires_at && r.previous_secret_expires_at > now ? r.previous_secret_expires_at : null;
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    procedureCode: r.procedure_code,
    agencyCode: r.agency_code,
    eventTypes: r.event_types,
    statusMapping: r.status_mapping,
    active: r.active,
    ownerId: r.owner_id,
    createdAt: r.created_at.toISOString(),
    previousSecretValidUntil: iso(grace),
  };
}

/**
 * Checks what the DTO cannot: a filter is given, event types exist, the mapping names known events, and,
 * unless private targets are allowed, the URL does not name a private address outright (a name that
 * resolves to one is refused at delivery, when its address is known).
 */
export function registrationProblems(
  input: WebhookRegistration,
  allowPrivateTargets: boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const privateAddress =
    URL.canParse(input.url) && !allowPrivateTargets ? nonPublicTarget(new URL(input.url)) : undefined;
  if (!URL.canParse(input.url)) {
    problems.push({ path: '/url', message: 'must be an absolute http(s) URL' });
  } else if (privateAddress !== undefined) {
    problems.push({
      path: '/url',
      message: `${privateAddress} is not a public address: deliveries go to public addresses only (WEBHOOK_ALLOW_PRIVATE_TARGETS)`,
    });
  }
  if (!input.procedureCode && !input.agencyCode) {
    problems.push({ path: '/procedureCode', message: 'give procedureCode, agencyCode or both' });
  }
  (input.eventTypes ?? []).forEach((type, i) => {
    if (!KNOWN_EVENT_TYPES.has(type))
      problems.push({ path: `/eventTypes/${i}`, message: `unknown event type ${type}` });
  });
  for (const [type, code] of Object.entries(input.statusMapping ?? {})) {
    if (!KNOWN_EVENT_TYPES.has(type)) {
      problems.push({ path: `/statusMapping/${type}`, message: `unknown event type ${type}` });
    } else if (code !== null && (typeof code !== 'string' || code.length === 0 || code.length > 50)) {
      problems.push({
        path: `/statusMapping/${type}`,
        message: 'must be a string of 1 to 50 characters, or null',
      });
    }
  }
  return problems;
}

const newSecret = () => secretFromBytes(randomBytes(32));

@Injectable()
export class WebhookRegistrations {
  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** @returns the endpoint and its secret, which is shown this once. */
  async register(actor: RequestActor, input: WebhookRegistration): Promise<WebhookView & { secret: string }> {
    assertCanManageWebhooks(actor);
    const problems = registrationProblems(input, this.config.webhooks.allowPrivateTargets);
    if (problems.length > 0) throw new InvalidWebhookRegistration(problems);
    if (input.procedureCode && !(await this.procedurePublished(input.procedureCode))) {
      throw new UnknownWebhookProcedure(input.procedureCode);
    }
    const secret = newSecret();
    const rows = (await this.db.query(
      `INSERT INTO webhook_subscriptions (id, owner_id, owner_role, url, description, procedure_code, agency_code,
         event_types, status_mapping, secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::jsonb, $10)
       RETURNING *`,
      [
        randomUUID(),
        actor.id,
        actor.role,
        input.url,
        input.description ?? null,
        input.procedureCode ?? null,
        input.agencyCode ?? null,
        input.eventTypes ?? [],
        JSON.stringify(input.statusMapping ?? {}),
        secret,
      ],
    )) as SubscriptionRow[];
    return { ...view(rows[0], new Date()), secret };
  }

  async list(actor: RequestActor): Promise<WebhookView[]> {
    assertCanManageWebhooks(actor);
    const rows = (await this.db.query(
      `SELECT * FROM webhook_subscriptions WHERE $1::text IS NULL OR owner_id = $1 ORDER BY created_at, id`,
      [seesAll(actor) ? null : actor.id],
    )) as SubscriptionRow[];
    const now = new Date();
    return rows.map((r) => view(r, now));
  }

  async get(actor: RequestActor, id: string): Promise<WebhookView> {
    return view(await this.load(actor, id), new Date());
  }

  /**
   * A new secret; the one it replaces is still signed with for WEBHOOK_SECRET_GRACE_MS, so the receiver can
   * switch without losing deliveries. Rotating again within the grace period drops the oldest secret.
   */
  async rotateSecret(
    actor: RequestActor,
    id: string,
  ): Promise<{ secret: string; previousSecretValidUntil: string }> {
    await this.load(actor, id);
    const secret = newSecret();
    const until = new Date(Date.now() + this.config.webhooks.secretGraceMs);
    await this.db.query(
      `UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_expires_at = $2, secret = $3,
         updated_at = now() WHERE id = $1`,
      [id, until, secret],
    );
    return { secret, previousSecretValidUntil: until.toISOString() };
  }

  /** Stops new deliveries and sending; what is queued stays listed (and is sent if it is re-activated). */
  async deactivate(actor: RequestActor, id: string): Promise<void> {
    await this.load(actor, id);
    await this.db.query(`UPDATE webhook_subscriptions SET active = false, updated_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  async deliveries(
    actor: RequestActor,
    id: string,
    query: { status?: DeliveryView['status']; limit: number },
  ): Promise<DeliveryView[]> {
    await this.load(actor, id);
    const rows = (await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
       WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY id DESC LIMIT $3`,
      [id, query.status ?? null, query.limit],
    )) as DeliveryRow[];
    return rows.map(deliveryView);
  }

  /**
   * Whether the procedure has a published version (a retired one still has dossiers in progress). Read from
   * its event stream, which the registry writes before it answers, not from the catalogue's read model,
   * which a projection fills a moment later: a procedure published a second ago is already known here.
   */
  private async procedurePublished(procedureCode: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM events WHERE stream_id = $1 AND event_type = 'ProcedurePublished' LIMIT 1`,
      [procedureStreamId(procedureCode)],
    )) as unknown[];
    return rows.length > 0;
  }

  private async load(actor: RequestActor, id: string): Promise<SubscriptionRow> {
    assertCanManageWebhooks(actor);
    const rows = (await this.db.query(`SELECT * FROM webhook_subscriptions WHERE id = $1`, [
      id,
    ])) as SubscriptionRow[];
    const row = rows[0];
    if (!row || (!seesAll(actor) && row.owner_id !== actor.id)) throw new WebhookNotFound(id);
    return row;
  }
}
