import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only log, the command results for idempotency, and subscription checkpoints. */
export class EventStore1763780000000 implements MigrationInterface {
  name = 'EventStore1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        stream_version integer NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      )`);
    await q.query(`CREATE INDEX events_log_order ON events (transaction_id, global_position)`);
    await q.query(`CREATE INDEX events_stream_type ON events (stream_type, transaction_id, global_position)`);
    await q.query(`
      CREATE TABLE command_results (
        command_id text PRIMARY KEY,
        command_type text NOT NULL,
        request_hash text NOT NULL,
        stream_id text,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE subscription_checkpoints (
        subscription text NOT NULL,
        source text NOT NULL,
        transaction_id xid8 NOT NULL,
        position bigint NOT NULL,
        kafka_offset bigint,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscription, source)
      )`);
    // The last stream version each projection applied: the exactly-once guard, whatever the source.
    await q.query(`
      CREATE TABLE projection_stream_versions (
        projection text NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (projection, stream_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE projection_stream_versions');
    await q.query('DROP TABLE subscription_checkpoints');
    await q.query('DROP TABLE command_results');
    await q.query('DROP TABLE events');
  }
}
