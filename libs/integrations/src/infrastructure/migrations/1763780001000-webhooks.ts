import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: the endpoints integrations register (configuration, not history: they are rows, not events)
 * and the delivery queue the WebhookDeliveryProjection fills and the dispatcher drains.
 */
export class Webhooks1763780001000 implements MigrationInterface {
  name = 'Webhooks1763780001000';

  async up(q: QueryRunner): Promise<void> {
    // Secrets are kept as given because HMAC needs the key itself; they are never returned after the
    // answer that created them. `previous_secret` stays valid until `previous_secret_expires_at` (rotation).
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        owner_id text NOT NULL,
        owner_role text NOT NULL,
        url text NOT NULL,
        description text,
        procedure_code text,
        agency_code text,
        event_types text[] NOT NULL DEFAULT '{}',
        status_mapping jsonb NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (procedure_code IS NOT NULL OR agency_code IS NOT NULL)
      )`);
    await q.query('CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner_id, created_at)');
    // One row per (endpoint, event). `payload` is the CloudEvent as it will be sent, built from the event
    // alone. Status: pending → delivered | dead (the dead-letter list); a replay puts a dead row back to
    // pending with a fresh retry window. `leased_until` keeps two dispatchers off the same row while an
    // HTTP call is in flight, and expires if a dispatcher dies mid-call (the row is then sent again:
    // at-least-once).
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        leased_until timestamptz,
        last_attempt_at timestamptz,
        last_response_status integer,
        last_error text,
        delivered_at timestamptz,
        dead_at timestamptz,
        replays integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        UNIQUE (subscription_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_order ON webhook_deliveries (subscription_id, stream_id, stream_version)
       WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (dead_at, id) WHERE status = 'dead'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_deliveries');
    await q.query('DROP TABLE webhook_subscriptions');
  }
}
