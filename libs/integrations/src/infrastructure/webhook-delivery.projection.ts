// Queues webhook deliveries as a projection: each dossier event is matched against the registered
// endpoints and a `webhook_deliveries` row is written per match, in the same transaction that moves the
// projection's checkpoint (libs/event-store applyCheckpointed). A crash before the commit leaves neither
// the rows nor the checkpoint, so the event is matched again after restart; a crash after it leaves both.
// Nothing is lost and nothing is queued twice; sending is the dispatcher's job (at-least-once).
//
// Which endpoints: those active when the event is applied and registered no later than the event was
// recorded (an endpoint does not receive history from before it existed). Imported historical events are
// not live activity and are not sent.
//
// Rebuild: the projection owns no table a rebuild may empty (`tables` is empty). Deliveries are effects
// already carried out, not a read model; a rebuild replays the log and `ON CONFLICT DO NOTHING` on
// (subscription, event) keeps every row already queued as it is, so a rebuild re-sends nothing.
import type { QueryRunner } from 'typeorm';
import { recordsetOf, recordsetParameter, type Projection, type RecordedEvent } from '@tthc/event-store';
import { matches, type SubscriptionRoute } from '../domain/webhook-subscription';
import type { StatusMappingOverride } from '../domain/portal-status';
import { routingOf, webhookPayload } from '../application/webhook-payload';

interface SubscriptionRow {
  id: string;
  procedure_code: string | null;
  agency_code: string | null;
  event_types: string[];
  status_mapping: StatusMappingOverride;
  created_at: Date;
}

export class WebhookDeliveryProjection implements Projection {
  readonly name = 'webhook-deliveries';
  readonly streamTypes = ['dossier'];
  readonly tables: readonly string[] = [];

  apply(event: RecordedEvent, runner: QueryRunner): Promise<void> {
    return this.applyBatch([event], runner);
  }

  /** One read of the endpoints and one insert of every delivery the batch queues. */
  async applyBatch(events: readonly RecordedEvent[], runner: QueryRunner): Promise<void> {
    const live = events.filter((e) => e.metadata.imported !== true);
    if (live.length === 0) return;
    const latest = live.reduce((a, e) => (e.recordedAt > a ? e.recordedAt : a), live[0].recordedAt);
    // Compared at the millisecond, as the events' times are held here: a subscription registered in the
    // microseconds before an event of the same millisecond missed that event.
    const rows = (await runner.query(
      `SELECT id, procedure_code, agency_code, event_types, status_mapping, created_at FROM webhook_subscriptions
       WHERE active AND date_trunc('milliseconds', created_at) <= $1`,
      [latest],
    )) as SubscriptionRow[];
    if (rows.length === 0) return;
    const deliveries: Record<string, unknown>[] = [];
    for (const event of live) {
      const routing = { type: event.type, ...routingOf(event) };
      for (const r of rows) {
        if (r.created_at > event.recordedAt) continue;
        const route: SubscriptionRoute = {
          id: r.id,
          procedureCode: r.procedure_code,
          agencyCode: r.agency_code,
          eventTypes: r.event_types,
          statusMapping: r.status_mapping,
        };
        if (!matches(route, routing)) continue;
        deliveries.push({
          subscription_id: route.id,
          event_id: event.eventId,
          stream_id: event.streamId,
          stream_version: event.streamVersion,
          event_type: event.type,
          payload: webhookPayload(event, r.status_mapping),
          created_at: event.recordedAt,
        });
      }
    }
    if (deliveries.length === 0) return;
    await runner.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, stream_id, stream_version, event_type, payload,
         window_started_at, next_attempt_at, created_at)
       SELECT r.subscription_id, r.event_id, r.stream_id, r.stream_version, r.event_type, r.payload, now(), now(),
         r.created_at
       FROM ${recordsetOf(DELIVERY_COLUMNS, 1)}
       ON CONFLICT (subscription_id, event_id) DO NOTHING`,
      [recordsetParameter(DELIVERY_COLUMNS, deliveries)],
    );
  }
}

const DELIVERY_COLUMNS = {
  subscription_id: 'uuid',
  event_id: 'uuid',
  stream_id: 'text',
  stream_version: 'integer',
  event_type: 'text',
  payload: 'jsonb',
  created_at: 'timestamptz',
};
