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
import type { Projection, RecordedEvent } from '@tthc/event-store';
import { matches, type SubscriptionRoute } from '../domain/webhook-subscription';
import type { StatusMappingOverride } from '../domain/portal-status';
import { routingOf, webhookPayload } from '../application/webhook-payload';

interface SubscriptionRow {
  id: string;
  procedure_code: string | null;
  agency_code: string | null;
  event_types: string[];
  status_mapping: StatusMappingOverride;
}

export class WebhookDeliveryProjection implements Projection {
  readonly name = 'webhook-deliveries';
  readonly streamTypes = ['dossier'];
  readonly tables: readonly string[] = [];

  async apply(event: RecordedEvent, runner: QueryRunner): Promise<void> {
    if (event.metadata.imported === true) return;
    const rows = (await runner.query(
      `SELECT id, procedure_code, agency_code, event_types, status_mapping FROM webhook_subscriptions
       WHERE active AND created_at <= $1`,
      [event.recordedAt],
    )) as SubscriptionRow[];
    const routing = { type: event.type, ...routingOf(event) };
    const routes: SubscriptionRoute[] = rows
      .map((r) => ({
        id: r.id,
        procedureCode: r.procedure_code,
        agencyCode: r.agency_code,
        eventTypes: r.event_types,
        statusMapping: r.status_mapping,
      }))
      .filter((route) => matches(route, routing));
    for (const route of routes) {
      await runner.query(
        `INSERT INTO webhook_deliveries (subscription_id, event_id, stream_id, stream_version, event_type, payload,
           window_started_at, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, now(), now(), $7)
         ON CONFLICT (subscription_id, event_id) DO NOTHING`,
        [
          route.id,
          event.eventId,
          event.streamId,
          event.streamVersion,
          event.type,
          JSON.stringify(webhookPayload(event, route.statusMapping)),
          event.recordedAt,
        ],
      );
    }
  }
}
