import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1763780000100 implements MigrationInterface {
  name = 'AuditTrail1763780000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_trail (
        event_id uuid PRIMARY KEY,
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        stream_version integer NOT NULL,
        event_type text NOT NULL,
        actor_id text,
        actor_role text,
        actor_agency text,
        correlation_id text,
        command_id text,
        imported boolean NOT NULL DEFAULT false,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL
      )`);
    await q.query('CREATE INDEX audit_trail_stream ON audit_trail (stream_id, stream_version)');
    await q.query('CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at)');
    await q.query('CREATE INDEX audit_trail_correlation ON audit_trail (correlation_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_trail');
  }
}
